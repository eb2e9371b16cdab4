using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Models.Derivations.Rendering;

/// <summary>
/// The machine-readable form: for every equation of every step, <c>lhs</c> (<c>d/dt W2[1,3]</c> for a rate,
/// else an expression), <c>relation</c>, <c>rhs</c> (plain-text syntax) and the step's <c>verdict</c>, so another
/// program can re-check each equation independently.
/// </summary>
public static class DerivationJson
{
    /// <summary>The derivation as one JSON object (UTF-8, indented, deterministic), every equation with its sides as parseable text.</summary>
    public static string Render(Derivation d) => JsonText.Render(j =>
    {
        j.WriteStartObject();
        j.WriteString("derivation", d.Name);
        j.WriteString("claim", d.Claim);
        j.WriteString("title", d.Title);
        j.WriteStartArray("setting");
        foreach (var s in d.Setting) j.WriteStringValue(s);
        j.WriteEndArray();
        j.WriteString("conventions", DerivationText.Conventions);
        j.WriteStartArray("steps");
        foreach (var s in d.Steps)
        {
            j.WriteStartObject();
            j.WriteString("name", s.Name);
            j.WriteString("reason", s.Reason);
            j.WriteString("verdict", Verdicts.Name(s.Verdict));
            if (s.Witness is null) j.WriteNull("witness");
            else j.WriteString("witness", s.Witness);
            j.WriteStartArray("equations");
            foreach (var e in s.Equations)
            {
                j.WriteStartObject();
                j.WriteString("lhs", e.LhsText);
                j.WriteString("relation", e.RelationText);
                j.WriteString("rhs", e.RhsText);
                j.WriteString("form", e.Form == EquationForm.Rate ? "rate" : "plain");
                j.WriteString("verdict", Verdicts.Name(s.Verdict));
                j.WriteEndObject();
            }
            j.WriteEndArray();
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteString("published", d.Published);
        j.WriteString("verdict", Verdicts.Name(d.Conclusion));
        j.WriteString("conclusion", d.ConclusionText);
        j.WriteEndObject();
    });
}
