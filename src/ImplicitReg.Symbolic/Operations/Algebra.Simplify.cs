using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Operations;

public static partial class Algebra
{
    /// <summary>
    /// Canonical form plus cancellation of rational parts: the smallest (by <see cref="NodeCount"/>) of
    /// the fully cancelled quotient (<see cref="Cancel"/>), the cancelled quotient over a factored
    /// denominator, and the input itself — each with the arguments of functions and the bases of fractional
    /// powers simplified recursively, and the terms of a sum each simplified on their own. Ties go to the
    /// cancelled quotient, which is canonical.
    /// <c>(x^2 − 1)/(x − 1)</c> → <c>x + 1</c>; <c>x/(x+1) + 1/(x+1)</c> → <c>1</c>; <c>(x + 1)^10</c> stays.
    /// No trigonometric or other transcendental identities are applied (<c>sin²x + cos²x</c> stays).
    /// </summary>
    public static Expr Simplify(Expr e) => new Simplifier().Simplify(e);

    private sealed class Simplifier
    {
        private readonly Dictionary<Expr, Expr> _cache = [];

        public Expr Simplify(Expr e)
        {
            if (MapStatement(e, Simplify) is { } s) return s;
            if (e is Num or Sym) return e;
            if (_cache.TryGetValue(e, out var hit)) return hit;
            var rebuilt = Rebuild(e);
            var best = rebuilt;
            long bestSize = NodeCount(rebuilt);
            try
            {
                var form = RationalConversion.ToRationalForm(e, Simplify);
                // Both quotients show every term of the cancelled numerator (the full quotient's numerator is
                // the factored one's times a constant), so each has at least that many nodes: when that already
                // exceeds the best size, neither can win and neither is built. Building them was most of the
                // time of simplifying a sum of many fractions, which stays as it is (1/(x0 − x1) + … over the
                // 28 pairs of 8 variables: expressions of 10^5 terms built, printed nowhere, and dropped).
                if (form.CancelFactored().Numerator.Count <= bestSize)
                {
                    var cancelled = form.ToCancelledExpr();
                    long size = NodeCount(cancelled);
                    if (size <= bestSize) (best, bestSize) = (cancelled, size);
                    if (form.Denominator.Count > 0)
                    {
                        var factored = form.CancelFactored().ToExpr();
                        size = NodeCount(factored);
                        if (size < bestSize) (best, bestSize) = (factored, size);
                    }
                }
            }
            catch (SymbolicLimitException)
            {
                // Too large to put over one denominator: keep the structural simplification.
            }
            _cache[e] = best;
            return best;
        }

        /// <summary>The same tree with the insides of generators (function arguments, non-integer powers) simplified.</summary>
        private Expr Rebuild(Expr u) => u switch
        {
            Num or Sym => u,
            Add a => Expr.Add(a.Terms.Select(Simplify)), // term by term: cancels each fraction on its own
            Mul m => Expr.Mul(m.Factors.Select(Rebuild)),
            Pow { Exponent: Num { Value.IsInteger: true } } p => Expr.Pow(Rebuild(p.Base), p.Exponent),
            Pow p => Expr.Pow(Simplify(p.Base), Simplify(p.Exponent)),
            Call c => Expr.Apply(c.Function, Simplify(c.Argument)),
            _ => u,
        };
    }
}
