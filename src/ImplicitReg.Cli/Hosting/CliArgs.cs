using System.Globalization;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// Parsed command-line arguments: positionals, <c>--name value</c> / <c>--name=value</c> options
/// (repeatable) and boolean flags. A verb declares which names are flags; every option it reads is
/// marked used, and <see cref="EnsureAllUsed"/> rejects the rest, so a typo is an error, not ignored.
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positionals { get; }

    private CliArgs(List<string> positionals) => Positionals = positionals;

    /// <summary>Parses <paramref name="args"/>; names in <paramref name="flagNames"/> take no value.</summary>
    public static CliArgs Parse(IReadOnlyList<string> args, IEnumerable<string>? flagNames = null)
    {
        var flagSet = new HashSet<string>(flagNames ?? [], StringComparer.Ordinal) { "help" };
        var positionals = new List<string>();
        var result = new CliArgs(positionals);
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var body = a[2..];
                var eq = body.IndexOf('=');
                string name = eq >= 0 ? body[..eq] : body;
                if (flagSet.Contains(name))
                {
                    if (eq >= 0) throw new CliUsageException($"option --{name} is a flag and takes no value");
                    result._flags.Add(name);
                    continue;
                }
                string value;
                if (eq >= 0) value = body[(eq + 1)..];
                else if (i + 1 < args.Count) value = args[++i];
                else throw new CliUsageException($"option --{name} needs a value");
                if (!result._options.TryGetValue(name, out var list)) result._options[name] = list = [];
                list.Add(value);
                continue;
            }
            if (a == "-h") { result._flags.Add("help"); continue; }
            positionals.Add(a);
        }
        return result;
    }

    public bool Flag(string name)
    {
        _used.Add(name);
        return _flags.Contains(name);
    }

    public string? Option(string name)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var list)) return null;
        if (list.Count > 1) throw new CliUsageException($"option --{name} was given {list.Count} times; it takes one value");
        return list[0];
    }

    public IReadOnlyList<string> Options(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var list) ? list : [];
    }

    public string Required(string name) =>
        Option(name) ?? throw new CliUsageException($"missing required option --{name}");

    public int Int(string name, int fallback)
    {
        var s = Option(name);
        if (s is null) return fallback;
        return int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new CliUsageException($"option --{name} expects an integer, got '{s}'");
    }

    public long Long(string name, long fallback)
    {
        var s = Option(name);
        if (s is null) return fallback;
        return long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new CliUsageException($"option --{name} expects an integer, got '{s}'");
    }

    public double Double(string name, double fallback)
    {
        var s = Option(name);
        if (s is null) return fallback;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new CliUsageException($"option --{name} expects a finite number, got '{s}'");
    }

    /// <summary>Value of an option restricted to a fixed set of words.</summary>
    public string Choice(string name, string fallback, params string[] allowed)
    {
        var s = Option(name) ?? fallback;
        return Array.IndexOf(allowed, s) >= 0
            ? s
            : throw new CliUsageException($"option --{name} must be one of {string.Join("|", allowed)}, got '{s}'");
    }

    /// <summary>Rejects options and flags the verb never asked about (typos, wrong verb).</summary>
    public void EnsureAllUsed()
    {
        foreach (var name in _options.Keys.Concat(_flags))
            if (!_used.Contains(name))
                throw new CliUsageException($"unknown option --{name}");
    }
}
