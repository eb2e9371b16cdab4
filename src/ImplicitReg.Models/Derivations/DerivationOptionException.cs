using System.Globalization;

namespace ImplicitReg.Models.Derivations;

/// <summary>
/// Options that do not describe a valid case of a derivation (the message names the option and the fix). A message
/// made with <see cref="About"/> names its options as <see cref="OptionName"/>s, so each input can spell them its
/// own way: <see cref="Exception.Message"/> as the command line writes them (<c>--depth</c>), <see cref="Spelled"/>
/// as another input does (a claim file's <c>options.depth</c>).
/// </summary>
public sealed class DerivationOptionException : ArgumentException
{
    private readonly FormattableString? _template;

    /// <summary>A message that names no option, or names it in a way no input needs to respell.</summary>
    public DerivationOptionException(string message) : base(message) { }

    private DerivationOptionException(FormattableString template) : base(Render(template, CommandLine)) => _template = template;

    /// <summary>
    /// The exception for <paramref name="message"/>, whose <see cref="OptionName"/> arguments are spelled per input
    /// (<c>About($"{new OptionName("depth")} must be between 1 and 12, got 13")</c>).
    /// </summary>
    public static DerivationOptionException About(FormattableString message) => new(message);

    /// <summary>An option as the command line spells it: <c>--depth</c>.</summary>
    public static string CommandLine(string key) => "--" + key;

    /// <summary>True when the message names an option that <see cref="Spelled"/> respells.</summary>
    public bool NamesOption => _template?.GetArguments().Any(a => a is OptionName) == true;

    /// <summary>The message with each option spelled by <paramref name="spell"/> (from its key, e.g. <c>depth</c>).</summary>
    public string Spelled(Func<string, string> spell)
    {
        ArgumentNullException.ThrowIfNull(spell);
        return _template is null ? Message : Render(_template, spell);
    }

    private static string Render(FormattableString template, Func<string, string> spell) =>
        string.Format(CultureInfo.InvariantCulture, template.Format, [.. template.GetArguments().Select(a => a is OptionName o ? spell(o.Key) : a)]);
}

/// <summary>An option of <see cref="DerivationOptions"/> named in a message, by its key (<c>depth</c>, <c>dims</c>, …).</summary>
public sealed record OptionName(string Key)
{
    /// <inheritdoc/>
    public override string ToString() => DerivationOptionException.CommandLine(Key);
}
