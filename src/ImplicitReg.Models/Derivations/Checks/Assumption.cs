using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>
/// What a derivation assumes, stated once: the expressions it assumes positive (each stated as an assumption step of
/// that derivation) and, for a symbolic depth, the integer range of that symbol. Both uses take this one object —
/// the power rules valid for positive bases (<see cref="Normalize"/>) and the domain a witness is drawn from
/// (<see cref="Domain"/>) — so what is simplified and where a formula is judged cannot drift apart.
/// </summary>
/// <param name="Positive">The expressions assumed positive (symbols among them restrict the witness search).</param>
/// <param name="Depth">A symbolic depth N, drawn from <paramref name="MinDepth"/> … <see cref="IdentityCheck.MaxSampledDepth"/>; null when none.</param>
/// <param name="MinDepth">The least depth the statement is made for.</param>
public sealed record Assumption(IReadOnlyList<Expr> Positive, Sym? Depth = null, int MinDepth = 1)
{
    /// <summary>Powers of the assumed-positive bases combined (<see cref="PositivePowers.Normalize"/>), nothing else.</summary>
    public Expr Normalize(Expr e) => PositivePowers.Normalize(e, Positive);

    /// <summary>
    /// Where a witness is searched for: the symbols among <see cref="Positive"/> positive, every other expression among
    /// them positive as a condition on its symbols (a closed form's right side <c>s0 + I &gt; 0</c>), the depth in its
    /// range, every other symbol real. A witness outside what is assumed would refute nothing the derivation states.
    /// </summary>
    public SampleDomain Domain
    {
        get
        {
            var domain = SampleDomain.Reals.WithPositive([.. Positive.OfType<Sym>().Select(s => s.Name)]);
            foreach (var e in Positive.Where(e => e is not Sym && e is not Num))
                domain = domain.WithCondition(new Rel(RelOp.Gt, e, Expr.Zero));
            return Depth is null ? domain : domain.WithIntegers(Depth.Name, MinDepth, IdentityCheck.MaxSampledDepth);
        }
    }
}
