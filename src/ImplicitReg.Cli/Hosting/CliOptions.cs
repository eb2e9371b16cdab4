using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Cli.Hosting;

/// <summary>
/// Factories for the options every verb uses, so that a malformed value gets the same message everywhere
/// ("option --depth expects an integer, got 'three'") and the help shows each default.
/// </summary>
public static class CliOptions
{
    /// <summary>A flag without a value (<c>--list</c>).</summary>
    public static Option<bool> Flag(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>
    /// A switch that can be turned off: <c>--name</c> or <c>--name true</c> turns it on, <c>--name false</c> off.
    /// </summary>
    public static Option<bool> Switch(string name, string description, bool defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "true|false" };

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>] with a default.</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min = int.MinValue, int max = int.MaxValue) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseLong(r, name, min, max) is { } v ? (int)v : defaultValue,
            HelpName = "N",
        };

    /// <summary>An integer that is absent unless given (the verb supplies a context-dependent default).</summary>
    public static Option<int?> OptionalInt(string name, string description, int min = int.MinValue, int max = int.MaxValue) =>
        new(name) { Description = description, CustomParser = r => (int?)ParseLong(r, name, min, max), HelpName = "N" };

    /// <summary>
    /// A seed in <see cref="RunSeed.Range"/> with a default: a negative seed would repeat its absolute value's draws,
    /// and is refused with the wording a claim file's <c>seed:</c> gets (<see cref="RunSeed.Problem"/>).
    /// </summary>
    public static Option<int> Seed(string description, int defaultValue) =>
        new("--seed")
        {
            Description = $"{description} ({RunSeed.Range})",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseSeed(r) ?? defaultValue,
            HelpName = "N",
        };

    /// <summary>A seed as <see cref="Seed"/>, absent (null) unless given; the description names the default.</summary>
    public static Option<int?> OptionalSeed(string description) =>
        new("--seed") { Description = $"{description}; {RunSeed.Range}", CustomParser = ParseSeed, HelpName = "N" };

    /// <summary>A 64-bit count in [<paramref name="min"/>, <paramref name="max"/>] with a default.</summary>
    public static Option<long> Long(string name, string description, long defaultValue, long min = long.MinValue, long max = long.MaxValue) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseLong(r, name, min, max) ?? defaultValue,
            HelpName = "N",
        };

    /// <summary>A 64-bit count that is absent unless given (the verb supplies a context-dependent default).</summary>
    public static Option<long?> OptionalLong(string name, string description, long min = long.MinValue, long max = long.MaxValue) =>
        new(name) { Description = description, CustomParser = r => ParseLong(r, name, min, max), HelpName = "N" };

    /// <summary>A finite number with a default; <paramref name="rule"/> (e.g. "positive") is checked by <paramref name="valid"/>.</summary>
    public static Option<double> Double(string name, string description, double defaultValue, Func<double, bool>? valid = null, string? rule = null) =>
        new(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseDouble(r, name, valid, rule) ?? defaultValue,
            HelpName = "X",
        };

    /// <summary>A finite number that is absent unless given.</summary>
    public static Option<double?> OptionalDouble(string name, string description, Func<double, bool>? valid = null, string? rule = null) =>
        new(name) { Description = description, CustomParser = r => ParseDouble(r, name, valid, rule), HelpName = "X" };

    /// <summary>One of a fixed set of words, completed by the shell.</summary>
    public static Option<string> Choice(string name, string description, string defaultValue, params string[] values)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join("|", values),
            CustomParser = r =>
            {
                var text = Single(r);
                if (Array.IndexOf(values, text) >= 0) return text;
                r.AddError($"option {name} must be one of {string.Join("|", values)}, got '{SafeText.Escape(text)}'");
                return defaultValue;
            },
        };
        option.CompletionSources.Add(values);
        return option;
    }

    /// <summary>One of a fixed set of words, absent (null) unless given; the verb supplies a context-dependent default.</summary>
    public static Option<string?> OptionalChoice(string name, string description, params string[] values)
    {
        var option = new Option<string?>(name)
        {
            Description = description,
            HelpName = string.Join("|", values),
            CustomParser = r =>
            {
                var text = Single(r);
                if (Array.IndexOf(values, text) >= 0) return text;
                r.AddError($"option {name} must be one of {string.Join("|", values)}, got '{SafeText.Escape(text)}'");
                return null;
            },
        };
        option.CompletionSources.Add(values);
        return option;
    }

    /// <summary>Free text (a file name, a list the verb parses itself); null when absent.</summary>
    public static Option<string?> Text(string name, string description, string helpName = "TEXT") =>
        new(name) { Description = description, HelpName = helpName };

    /// <summary>A repeatable option (<c>--assume a --assume b</c>); one value per occurrence.</summary>
    public static Option<string[]> Repeated(string name, string description, string helpName = "TEXT") =>
        new(name) { Description = description, HelpName = helpName, DefaultValueFactory = _ => [], AllowMultipleArgumentsPerToken = false };

    /// <summary>The value tokens of an option, whether or not it was given (null when absent).</summary>
    public static bool WasGiven(this ParseResult result, Option option) => result.GetResult(option) is { Implicit: false };

    private static string Single(ArgumentResult r) => r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";

    private static long? ParseLong(ArgumentResult r, string name, long min, long max)
    {
        var text = Single(r);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            r.AddError($"option {name} expects an integer, got '{SafeText.Escape(text)}'");
            return null;
        }
        if (v < min || v > max)
        {
            r.AddError(max == long.MaxValue || max == int.MaxValue
                ? $"option {name} must be at least {min}, got {v}"
                : $"option {name} must be between {min} and {max}, got {v}");
            return null;
        }
        return v;
    }

    private static int? ParseSeed(ArgumentResult r)
    {
        var text = Single(r);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            r.AddError($"option --seed expects an integer, got '{SafeText.Escape(text)}'");
            return null;
        }
        if (RunSeed.Problem(v) is { } problem)
        {
            r.AddError($"option --seed {problem}");
            return null;
        }
        return (int)v;
    }

    private static double? ParseDouble(ArgumentResult r, string name, Func<double, bool>? valid, string? rule)
    {
        var text = Single(r);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            r.AddError($"option {name} expects a finite number, got '{SafeText.Escape(text)}'");
            return null;
        }
        if (valid is not null && !valid(v))
        {
            r.AddError($"option {name} must be {rule ?? "valid"}, got {text}");
            return null;
        }
        return v;
    }
}
