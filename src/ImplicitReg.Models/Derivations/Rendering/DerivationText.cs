using System.Text;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations.Rendering;

/// <summary>
/// The plain-text report of a derivation: the setting, every step with its equations (in the kernel's
/// plain-text syntax, which parses back), the reason and the verdict, then the published formula and the
/// conclusion. Deterministic, so it snapshots.
/// </summary>
public static class DerivationText
{
    /// <summary>The symbol convention every derivation follows.</summary>
    public const string Conventions =
        "W<j>[r,c] = entry (r,c) of layer j, W[r,c] of the end-to-end matrix, G[r,c] of grad L(W), " +
        "w<r>_<n>[i] = entry i of factor n of CP component r, U[i,k] of the symmetric factor; all indices 1-based";

    /// <summary>Equations shown per step in text; the JSON form always lists all of them.</summary>
    public const int MaxEquationsShown = 48;

    /// <summary>Characters shown of one equation in text; longer ones are cut with a note.</summary>
    public const int MaxEquationChars = 1200;

    /// <summary>Right sides larger than this (expression nodes) are summarised, not printed, in text and LaTeX.</summary>
    public const long MaxNodesPrinted = 5000;

    /// <summary>The printed lines of a step's equations, elided past the limits above so large cases stay readable.</summary>
    public static IEnumerable<string> Lines(IReadOnlyList<Equation> equations, Func<Equation, string>? print = null)
    {
        print ??= e => e.ToString();
        for (int i = 0; i < equations.Count && i < MaxEquationsShown; i++)
        {
            var e = equations[i];
            if (Algebra.NodeCount(e.Rhs) > MaxNodesPrinted)
            {
                // Printing a huge side only to cut it would dominate the run time of large cases.
                var size = e.Rhs is Add sum ? $"a sum of {sum.Terms.Count} terms" : $"{Algebra.NodeCount(e.Rhs)} nodes";
                yield return $"{e.LhsText} {e.RelationText} ... ({size}; --format json has it in full)";
                continue;
            }
            var text = print(e);
            yield return text.Length <= MaxEquationChars
                ? text
                : text[..MaxEquationChars] + $" ... ({text.Length - MaxEquationChars} more characters; --format json has it in full)";
        }
        if (equations.Count > MaxEquationsShown)
            yield return $"... {equations.Count - MaxEquationsShown} more equations (--format json lists all {equations.Count})";
    }

    /// <summary>The derivation as plain text, one block per step, with large equations elided (<see cref="MaxEquationsShown"/>, <see cref="MaxEquationChars"/>).</summary>
    public static string Render(Derivation d)
    {
        var sb = new StringBuilder();
        sb.Append(d.Name).Append(" (").Append(d.Claim).Append("): ").Append(d.Title).Append('\n');
        foreach (var line in d.Setting) sb.Append("  ").Append(line).Append('\n');
        sb.Append("  symbols: ").Append(Conventions).Append('\n');
        for (int i = 0; i < d.Steps.Count; i++)
        {
            var s = d.Steps[i];
            sb.Append('\n').Append(i + 1).Append(". ").Append(s.Name).Append(" [").Append(Verdicts.Name(s.Verdict)).Append("]\n");
            foreach (var line in Lines(s.Equations)) sb.Append("     ").Append(line).Append('\n');
            sb.Append("   because ").Append(s.Reason).Append('\n');
            if (s.Witness is not null) sb.Append("   witness: ").Append(s.Witness).Append('\n');
        }
        sb.Append("\npublished: ").Append(d.Published).Append('\n');
        sb.Append("verdict: ").Append(d.ConclusionText).Append('\n');
        return sb.ToString();
    }
}
