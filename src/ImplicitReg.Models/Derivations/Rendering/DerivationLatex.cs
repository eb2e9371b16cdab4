using System.Text;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Models.Derivations.Rendering;

/// <summary>
/// The LaTeX report of a derivation (a fragment to <c>\input</c> into a document using amsmath): one
/// <c>align*</c> block of equations per step, typeset by the kernel's <see cref="LatexPrinter"/>; rates as
/// <c>\frac{d}{dt}</c>; reasons, witnesses and the published formula as text. Deterministic, so it snapshots.
/// </summary>
public static class DerivationLatex
{
    /// <summary>The derivation as a LaTeX fragment (amsmath), one <c>align*</c> block per step.</summary>
    public static string Render(Derivation d)
    {
        var sb = new StringBuilder();
        sb.Append("% implicitreg derive ").Append(d.Name).Append(" (").Append(d.Claim).Append(")\n");
        sb.Append(@"\subsection*{").Append(Text(d.Name)).Append(" (").Append(Text(d.Claim)).Append("): ").Append(Text(d.Title)).Append("}\n");
        sb.Append(@"\begin{itemize}").Append('\n');
        foreach (var line in d.Setting) sb.Append(@"  \item ").Append(Text(line)).Append('\n');
        sb.Append(@"  \item symbols: ").Append(Text(DerivationText.Conventions)).Append('\n');
        sb.Append(@"\end{itemize}").Append('\n');
        for (int i = 0; i < d.Steps.Count; i++)
        {
            var s = d.Steps[i];
            sb.Append('\n').Append(@"\paragraph{").Append(i + 1).Append(". ").Append(Text(s.Name))
                .Append(@" \textnormal{[").Append(Verdicts.Name(s.Verdict)).Append("]}}\n");
            if (s.Equations.Count > 0)
            {
                sb.Append(@"\begin{align*}").Append('\n');
                var lines = DerivationText.Lines(s.Equations, Equation).ToList();
                for (int k = 0; k < lines.Count; k++)
                    sb.Append("  ").Append(lines[k]).Append(k + 1 < lines.Count ? @" \\" : "").Append('\n');
                sb.Append(@"\end{align*}").Append('\n');
            }
            sb.Append(@"\noindent\emph{Because} ").Append(Text(s.Reason)).Append(".\n");
            if (s.Witness is not null) sb.Append('\n').Append(@"\noindent\emph{Witness:} ").Append(Text(s.Witness)).Append(".\n");
        }
        sb.Append('\n').Append(@"\paragraph{Published} \texttt{").Append(Text(d.Published)).Append("}\n");
        sb.Append('\n').Append(@"\paragraph{Verdict} ").Append(Text(d.ConclusionText)).Append(".\n");
        return sb.ToString();
    }

    /// <summary>One equation as an align row: <c>lhs &amp;= rhs</c>; a rate's left side is <c>\frac{d}{dt} lhs</c>.</summary>
    public static string Equation(Equation e)
    {
        var lhs = LatexPrinter.Print(e.Lhs);
        if (e.Form == EquationForm.Rate) lhs = e.Lhs is Sym ? @"\frac{d}{dt} " + lhs : @"\frac{d}{dt} \left(" + lhs + @"\right)";
        var rel = e.Relation switch
        {
            RelOp.Eq => "=",
            RelOp.Ne => @"\ne",
            RelOp.Lt => "<",
            RelOp.Le => @"\le",
            RelOp.Gt => ">",
            RelOp.Ge => @"\ge",
            _ => "=",
        };
        return $"{lhs} &{rel} {LatexPrinter.Print(e.Rhs)}";
    }

    /// <summary>Plain text escaped for LaTeX text mode.</summary>
    public static string Text(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        foreach (var ch in s)
            sb.Append(ch switch
            {
                '\\' => @"\textbackslash{}",
                '_' => @"\_",
                '^' => @"\^{}",
                '&' => @"\&",
                '%' => @"\%",
                '$' => @"\$",
                '#' => @"\#",
                '{' => @"\{",
                '}' => @"\}",
                '~' => @"\~{}",
                '<' => @"\textless{}",
                '>' => @"\textgreater{}",
                _ => ch.ToString(),
            });
        return sb.ToString();
    }
}
