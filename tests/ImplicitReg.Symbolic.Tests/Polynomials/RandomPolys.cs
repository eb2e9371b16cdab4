using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Tests.Polynomials;

/// <summary>Seeded random polynomials for property tests (the seed is part of every failure message).</summary>
internal sealed class RandomPolys(int seed, VariableOrder variables)
{
    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>A polynomial with up to <paramref name="maxTerms"/> terms, exponents ≤ maxExponent, small integer or half-integer coefficients.</summary>
    public Poly Next(int maxTerms, int maxExponent, bool allowConstant = false)
    {
        while (true)
        {
            int terms = _random.Next(1, maxTerms + 1);
            var list = new List<(Rational, int[])>();
            for (int t = 0; t < terms; t++)
            {
                var e = new int[variables.Count];
                for (int v = 0; v < e.Length; v++) e[v] = _random.Next(0, maxExponent + 1) * (_random.Next(3) == 0 ? 0 : 1);
                int c = _random.Next(-9, 10);
                if (c == 0) c = 1;
                list.Add((_random.Next(4) == 0 ? new Rational(c, 2) : new Rational(c), e));
            }
            var p = Poly.FromTerms(variables, list);
            if (!p.IsZero && (allowConstant || !p.IsConstant)) return p;
        }
    }
}
