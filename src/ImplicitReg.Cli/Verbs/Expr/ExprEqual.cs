using System.Text;
using ImplicitReg.Cli.Hosting;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Cli.Verbs.Expressions;

/// <summary>
/// <c>expr equal &lt;a&gt; &lt;b&gt;</c>: exit 0 and "proved equal"; exit 1 and "not equal at x = …" with the exact
/// rational witness; exit 3 and "numerically equal at K random points (seed S), not proved", or "undecided" when
/// no point where both sides are defined is found (a proof there would be vacuous).
/// </summary>
internal static class ExprEqual
{
    public static int Run(ExprCommand c)
    {
        var format = c.Format();
        int? seed = c.Get(c.Options.Seed);
        c.ExpectOperands("left side", "right side");
        var a = c.ReadExpression(0);
        var b = c.ReadExpression(1);
        EqualityResult result;
        try
        {
            result = Algebra.Equal(a, b, seed);
        }
        catch (SymbolicException e) when (e is not SymbolicLimitException)
        {
            // No point where both sides are defined, or none where they differ: neither proved nor refuted.
            c.IO.Err.WriteLine($"undecided: {e.Message}");
            return ExitCodes.Unknown;
        }
        if (result.Verdict == EqualityVerdict.ProvedEqual && Algebra.SearchWhereDefined(c.Domain, seed) is { Found: false } search)
        {
            // One canonical form, but possibly nowhere to be equal: 0*sqrt(-1 - x^2) "equals" 0 only vacuously.
            var why = $"the canonical forms agree, but no point where both sides are defined ({string.Join(", ", c.Domain)}) was found in " +
                $"{search.Tries} tries (seed {search.Seed}); the equality may hold only vacuously";
            c.IO.Out.Write(format == ExprFormat.Json
                ? JsonText.Render(w =>
                {
                    w.WriteStartObject();
                    w.WriteString("verdict", "undecided");
                    w.WriteString("explanation", why);
                    w.WriteStartArray("domain");
                    foreach (var d in c.Domain) w.WriteStringValue(d.ToString());
                    w.WriteEndArray();
                    w.WriteEndObject();
                }, indented: false)
                : $"undecided: {why}\n");
            return ExitCodes.Unknown;
        }
        c.IO.Out.Write(format == ExprFormat.Json ? Json(result, c.Domain) : Sentences(result, format, c.Domain));
        return result.Verdict switch
        {
            EqualityVerdict.ProvedEqual => ExitCodes.Ok,
            EqualityVerdict.NotEqual => ExitCodes.Refuted,
            _ => ExitCodes.Unknown,
        };
    }

    private static IEnumerable<KeyValuePair<string, Rational>> Ordered(IReadOnlyDictionary<string, Rational> point) =>
        point.OrderBy(kv => kv.Key, Comparer<string>.Create(ExprOrder.CompareNames));

    private static string Sentences(EqualityResult r, ExprFormat format, IReadOnlyList<Statement> domain)
    {
        var sb = new StringBuilder();
        switch (r.Verdict)
        {
            case EqualityVerdict.ProvedEqual:
                sb.Append("proved equal\n");
                break;
            case EqualityVerdict.NotEqual:
            {
                var point = r.Witness ?? new Dictionary<string, Rational>();
                sb.Append(point.Count == 0
                    ? "not equal (both sides are constants)\n"
                    : "not equal at " + string.Join(", ", Ordered(point).Select(kv => $"{kv.Key} = {format.Render(Num.Of(kv.Value))}")) + "\n");
                if (r.LeftValue is not null && r.RightValue is not null)
                    sb.Append($"  left side = {format.Render(r.LeftValue)}, right side = {format.Render(r.RightValue)}\n");
                return sb.ToString();
            }
            default:
                sb.Append($"numerically equal at {r.SampleCount} random points (seed {r.Seed}), not proved\n");
                break;
        }
        sb.Append("  ").Append(r.Explanation).Append('\n');
        // "Equal" means equal wherever both sides are defined; say where that is when it is not everywhere.
        if (domain.Count > 0)
            sb.Append("  where both sides are defined: ").Append(string.Join(", ", domain.Select(d => format.Render(d)))).Append('\n');
        return sb.ToString();
    }

    private static string Json(EqualityResult r, IReadOnlyList<Statement> domain)
    {
        return JsonText.Render(w =>
        {
            w.WriteStartObject();
            w.WriteString("verdict", r.Verdict switch
            {
                EqualityVerdict.ProvedEqual => "proved-equal",
                EqualityVerdict.NotEqual => "not-equal",
                _ => "numerically-equal",
            });
            if (r.Witness is { } point)
            {
                w.WriteStartObject("witness");
                foreach (var (name, value) in Ordered(point)) w.WriteString(name, value.ToString());
                w.WriteEndObject();
            }
            if (r.LeftValue is not null)
            {
                w.WritePropertyName("left");
                w.WriteRawValue(ExprFormat.Json.Render(r.LeftValue));
            }
            if (r.RightValue is not null)
            {
                w.WritePropertyName("right");
                w.WriteRawValue(ExprFormat.Json.Render(r.RightValue));
            }
            if (r.Verdict != EqualityVerdict.ProvedEqual)
            {
                w.WriteNumber("samples", r.SampleCount);
                if (r.Seed is { } seed) w.WriteNumber("seed", seed);
            }
            w.WriteString("explanation", r.Explanation);
            w.WriteStartArray("domain"); // where both sides are defined, as written
            foreach (var d in domain) w.WriteStringValue(d.ToString());
            w.WriteEndArray();
            w.WriteEndObject();
        }, indented: false);
    }
}
