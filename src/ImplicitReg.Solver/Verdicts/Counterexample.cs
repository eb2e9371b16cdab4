using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Solver.Verdicts;

/// <summary>How the kernel's own re-evaluation of the original statement judged a solver's counterexample.</summary>
public enum Confirmation
{
    /// <summary>Rational point, exact arithmetic: the statement is false there.</summary>
    Exact,
    /// <summary>Algebraic point: false by rigorous interval arithmetic, equalities decided to 30 digits.</summary>
    HighPrecision,
    /// <summary>The statement holds (or is undefined) at the point: the counterexample is invalid.</summary>
    Invalid,
    /// <summary>Interval arithmetic could not decide a comparison at the point.</summary>
    Undecided,
}

/// <summary>A point where the statement fails: every symbol of the original claim with its value.</summary>
public sealed record Counterexample(IReadOnlyList<KeyValuePair<string, ModelValue>> Values, Confirmation Confirmation, string Explanation)
{
    /// <summary>
    /// Re-evaluates the original obligation at a model: the values of the solved-for symbols plus those of
    /// eliminated symbols, computed from their definitions. Never trusts the solver's own evaluation.
    /// </summary>
    public static Counterexample Check(Obligation original, IReadOnlyList<Elimination> eliminated, IReadOnlyDictionary<string, ModelValue> model)
    {
        // The model also fixes the auxiliary variables, in which eliminated symbols may be expressed (l = sqrt.1^2/2).
        var point = new Dictionary<string, ModelValue>(model, StringComparer.Ordinal);
        // A symbol an original assumption defines (l = ½·Σ r²) is valued from that definition first: exact
        // whenever the model is rational, even if the solver eliminated it through an auxiliary root.
        var definitions = Definitions(original).Concat(eliminated.Select(e => (e.Symbol, e.Definition))).ToList();
        Resolve(point, definitions);
        foreach (var s in original.FreeSymbols)
        {
            if (point.ContainsKey(s.Name) || definitions.Any(d => d.Symbol.Equals(s))) continue;
            point[s.Name] = ModelValue.Exact(0); // a symbol the solver never saw: any value does, 0
        }
        Resolve(point, definitions);
        if (original.FreeSymbols.FirstOrDefault(s => !point.ContainsKey(s.Name)) is { } missing)
            return new Counterexample([.. point.Where(kv => original.FreeSymbols.Any(s => s.Name == kv.Key))], Confirmation.Undecided,
                $"the value of {missing} could not be computed from its definition at this point");

        var values = original.FreeSymbols.Select(s => new KeyValuePair<string, ModelValue>(s.Name, point[s.Name])).ToList();
        var exactPoint = values.All(kv => kv.Value.IsExact);
        var (truth, approximate) = exactPoint ? KernelTruth(original.Statement, values) : PointTruth.Evaluate(original.Statement, point);
        return truth switch
        {
            Truth.False when exactPoint && !approximate =>
                new Counterexample(values, Confirmation.Exact, "the statement evaluates to false at this point (exact arithmetic)"),
            Truth.False =>
                new Counterexample(values, Confirmation.HighPrecision,
                    "the statement evaluates to false at this point (interval arithmetic on the algebraic values; equalities to 30 digits)"),
            Truth.True => new Counterexample(values, Confirmation.Invalid, "the statement holds at this point"),
            Truth.Undefined => new Counterexample(values, Confirmation.Invalid, "the statement is undefined at this point"),
            _ => new Counterexample(values, Confirmation.Undecided, "interval arithmetic could not decide the statement at this point"),
        };
    }

    /// <summary>
    /// At a rational point the kernel itself evaluates: <see cref="Algebra.EvaluateExact"/> substitutes the
    /// rationals and folds every rational subterm; only constants such as <c>2^(1/2)</c> can remain, and those
    /// are compared by interval arithmetic.
    /// </summary>
    private static (Truth Truth, bool Approximate) KernelTruth(Statement statement, IReadOnlyList<KeyValuePair<string, ModelValue>> values)
    {
        Expr reduced;
        try
        {
            reduced = Algebra.EvaluateExact(statement, values.ToDictionary(kv => kv.Key, kv => kv.Value.Lower, StringComparer.Ordinal));
        }
        catch (SymbolicException)
        {
            return (Truth.Undefined, false); // e.g. division by zero at the point
        }
        return PointTruth.Evaluate(reduced, new Dictionary<string, ModelValue>());
    }

    private static void Resolve(Dictionary<string, ModelValue> point, List<(Sym Symbol, Expr Definition)> definitions)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (symbol, definition) in definitions)
            {
                if (point.ContainsKey(symbol.Name)) continue;
                if (!Algebra.FreeSymbols(definition).All(x => point.ContainsKey(x.Name))) continue;
                if (PointTruth.Value(definition, point) is not { } value) continue;
                point[symbol.Name] = value;
                changed = true;
            }
        }
    }

    /// <summary>Assumptions <c>v = e</c> with v a symbol not in e, in order.</summary>
    private static IEnumerable<(Sym Symbol, Expr Definition)> Definitions(Obligation o)
    {
        foreach (var a in o.Assumptions)
        {
            if (a is not Rel { Op: RelOp.Eq } r) continue;
            if (r.Left is Sym v && !Algebra.DependsOn(r.Right, v)) yield return (v, r.Right);
            else if (r.Right is Sym w && !Algebra.DependsOn(r.Left, w)) yield return (w, r.Left);
        }
    }

    /// <summary>The values as <c>x = 1/2, y = 3</c>.</summary>
    public override string ToString() => string.Join(", ", Values.Select(kv => $"{kv.Key} = {kv.Value.Text}"));
}
