namespace ImplicitReg.Symbolic.Printing;

/// <summary>
/// A symbol name split for typesetting: <c>W2[1,3]</c> is stem <c>W2</c> with indices 1, 3;
/// <c>w1_2[3]</c> is stem <c>w1</c>, subscript <c>2</c>, index 3; <c>eta_max</c> is stem <c>eta</c>,
/// subscript <c>max</c>. The LaTeX and MathML printers render the parts the same way:
/// <c>W2_{1,3}</c>, <c>{w1_{2}}_{3}</c>, <c>\eta_{\mathrm{max}}</c>.
/// </summary>
public sealed record SymbolNameParts(string Stem, string? Subscript, IReadOnlyList<string> Indices)
{
    private static readonly Dictionary<string, char> GreekLetters = new()
    {
        ["alpha"] = 'α', ["beta"] = 'β', ["gamma"] = 'γ', ["delta"] = 'δ', ["epsilon"] = 'ε', ["zeta"] = 'ζ',
        ["eta"] = 'η', ["theta"] = 'θ', ["iota"] = 'ι', ["kappa"] = 'κ', ["lambda"] = 'λ', ["mu"] = 'μ',
        ["nu"] = 'ν', ["xi"] = 'ξ', ["pi"] = 'π', ["rho"] = 'ρ', ["sigma"] = 'σ', ["tau"] = 'τ',
        ["upsilon"] = 'υ', ["phi"] = 'φ', ["chi"] = 'χ', ["psi"] = 'ψ', ["omega"] = 'ω',
        ["Gamma"] = 'Γ', ["Delta"] = 'Δ', ["Theta"] = 'Θ', ["Lambda"] = 'Λ', ["Xi"] = 'Ξ', ["Pi"] = 'Π',
        ["Sigma"] = 'Σ', ["Upsilon"] = 'Υ', ["Phi"] = 'Φ', ["Psi"] = 'Ψ', ["Omega"] = 'Ω',
    };

    /// <summary>Splits a symbol name into stem, subscript and indices.</summary>
    public static SymbolNameParts Of(string name)
    {
        var indices = Array.Empty<string>();
        var bracket = name.IndexOf('[');
        if (bracket > 0 && name.EndsWith(']'))
        {
            indices = name[(bracket + 1)..^1].Split(',');
            name = name[..bracket];
        }
        var underscore = name.IndexOf('_', 1);
        return underscore > 0 && underscore < name.Length - 1
            ? new SymbolNameParts(name[..underscore], name[(underscore + 1)..], indices)
            : new SymbolNameParts(name, null, indices);
    }

    /// <summary>The stem as (letters, trailing digits) when it has that shape, else null.</summary>
    private static (string Letters, string Digits)? LettersAndDigits(string stem)
    {
        int i = 0;
        while (i < stem.Length && char.IsAsciiLetter(stem[i])) i++;
        int letters = i;
        while (i < stem.Length && char.IsAsciiDigit(stem[i])) i++;
        return letters > 0 && i == stem.Length ? (stem[..letters], stem[letters..]) : null;
    }

    /// <summary>LaTeX for a word: one letter as is, a Greek name as its letter, longer words upright.</summary>
    public static string LatexWord(string word)
    {
        if (IsNumber(word)) return word;
        if (LettersAndDigits(word) is not var (letters, digits))
            return @"\mathrm{" + word.Replace("_", @"\_") + "}";
        var head = letters.Length == 1 ? letters : GreekLetters.ContainsKey(letters) ? "\\" + letters : @"\mathrm{" + letters + "}";
        return head + digits;
    }

    /// <summary>The name as typeset text for MathML: Greek names become their letter.</summary>
    public static string PlainWord(string word) =>
        LettersAndDigits(word) is var (letters, digits) && GreekLetters.TryGetValue(letters, out var g)
            ? g + digits
            : word;

    /// <summary>True when a word is only digits (typeset as a number).</summary>
    public static bool IsNumber(string word) => word.Length > 0 && word.All(char.IsAsciiDigit);
}
