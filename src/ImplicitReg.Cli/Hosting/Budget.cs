using System.CommandLine;
using System.Globalization;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// The memory a run may use. Verbs estimate what the requested sizes imply before allocating (with the estimators
/// next to the models) and call <see cref="Require"/>, which refuses with exit 2 naming the option, the estimate
/// and the limit. Default: half of the memory the machine has available; <c>--max-memory</c> changes it.
/// </summary>
public sealed class Budget
{
    /// <summary>The name of the global option.</summary>
    public const string OptionName = "--max-memory";

    /// <summary>Share of the available memory a run may plan to use by default.</summary>
    public const double DefaultShare = 0.5;

    private Budget(double bytes, string source)
    {
        Bytes = bytes;
        Source = source;
    }

    /// <summary>The limit in bytes.</summary>
    public double Bytes { get; }

    /// <summary>Where the limit comes from, for messages.</summary>
    public string Source { get; }

    /// <summary>The global <c>--max-memory</c> option (added once, to the root, recursive).</summary>
    public static Option<string?> CreateOption() => new(OptionName)
    {
        Description = "memory budget of the run, e.g. 2G or 512M (default: half of the available memory)",
        HelpName = "SIZE",
        Recursive = true,
        Validators = { r => { if (r.Tokens.Count > 0 && ParseSize(r.Tokens[^1].Value) is null) r.AddError($"option {OptionName} expects a size such as 2G, 512M or 1000000 (bytes), got '{SafeText.Escape(r.Tokens[^1].Value)}'"); } },
    };

    /// <summary>The budget of this run: <c>--max-memory</c> when given, else <see cref="DefaultShare"/> of the available memory.</summary>
    public static Budget From(ParseResult result)
    {
        var text = result.RootCommandResult.Command.Options.Any(o => o.Name == OptionName) ? result.GetValue<string?>(OptionName) : null;
        if (text is not null && ParseSize(text) is { } given) return new Budget(given, $"{OptionName} {text}");
        return new Budget(AvailableBytes() * DefaultShare, $"half of the {Format(AvailableBytes())} available; {OptionName} changes it");
    }

    /// <summary>A budget of <paramref name="bytes"/>, for tests.</summary>
    public static Budget Of(double bytes) => new(bytes, "test budget");

    /// <summary>Refuses (exit 2) when <paramref name="estimatedBytes"/> exceeds the budget.</summary>
    /// <param name="option">the option(s) whose values imply the estimate, e.g. <c>--shape</c>.</param>
    /// <param name="estimatedBytes">the estimate (may be infinite when the sizes overflow).</param>
    /// <param name="what">what needs the memory, e.g. "the layers and the observed entries".</param>
    public void Require(string option, double estimatedBytes, string what)
    {
        if (Exceeded(estimatedBytes, what) is { } problem) throw new CliUsageException($"{option}: {problem}; choose smaller sizes");
    }

    /// <summary>
    /// What is wrong when <paramref name="estimatedBytes"/> exceeds the budget (without the option or the fix, which
    /// the caller words: a verb names its option, a claim file its key), or null when it fits.
    /// </summary>
    public string? Exceeded(double estimatedBytes, string what) => estimatedBytes > Bytes
        ? $"{what} would need about {Format(estimatedBytes)}, over the memory budget of {Format(Bytes)} ({Source})"
        : null;

    /// <summary>Refuses (exit 2) predictable work above <paramref name="limit"/> units.</summary>
    public static void RequireWork(string option, double estimate, double limit, string unit, string fix = "choose smaller values")
    {
        if (WorkExceeded(estimate, limit, unit) is { } problem) throw new CliUsageException($"{option}: {problem}; {fix}");
    }

    /// <summary>What is wrong when <paramref name="estimate"/> exceeds <paramref name="limit"/> (without option or fix), or null.</summary>
    public static string? WorkExceeded(double estimate, double limit, string unit) => estimate > limit
        ? $"this run would take about {Scientific(estimate)} {unit}, over the limit of {Scientific(limit)} (more than a few minutes of computing)"
        : null;

    /// <summary>"2G", "512M", "64k" or a byte count → bytes; null when malformed or not positive.</summary>
    public static double? ParseSize(string text)
    {
        text = text.Trim();
        double factor = 1;
        if (text.Length > 0 && char.IsLetter(text[^1]))
        {
            factor = char.ToUpperInvariant(text[^1]) switch { 'K' => 1024d, 'M' => 1024d * 1024, 'G' => 1024d * 1024 * 1024, 'T' => 1024d * 1024 * 1024 * 1024, _ => double.NaN };
            text = text[..^1];
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v * factor)
            ? v * factor
            : null;
    }

    /// <summary>"1.5 GB"-style text; "more than 10^300 bytes" style for overflowed estimates.</summary>
    public static string Format(double bytes)
    {
        if (!double.IsFinite(bytes) || bytes > 1e18) return "astronomically many bytes (the sizes multiply past 10^18)";
        string[] units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"];
        int u = 0;
        while (bytes >= 1024 && u < units.Length - 1) { bytes /= 1024; u++; }
        return u == 0 ? $"{bytes:F0} bytes" : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.#} {units[u]}");
    }

    private static string Scientific(double v) => double.IsFinite(v) ? v.ToString("0.#E+0", CultureInfo.InvariantCulture) : "infinitely many";

    /// <summary>Memory available to this process: MemAvailable of /proc/meminfo, else what the GC reports.</summary>
    public static double AvailableBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal) &&
                    long.TryParse(line["MemAvailable:".Length..].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
                    return Math.Min(kb * 1024d, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux or not readable: the GC's view below.
        }
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }
}
