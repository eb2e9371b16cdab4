using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Symbolic.Tests.Operations;

/// <summary>
/// The derivative of random smooth expressions (every function, products, quotients, integer, rational
/// and symbolic powers) agrees with finite differences at random points. The expressions are built to be
/// defined and smooth everywhere (logs and roots of 1 + u², quotients by 1 + u²), so every point counts.
/// </summary>
public sealed class DiffPropertyTests
{
    private const int Seed = 31_337;
    private static readonly Sym X = new("x"), Y = new("y");

    private sealed class SmoothExpressions(Random random)
    {
        private Expr Positive(int depth) => Expr.Add(Expr.One, Expr.Pow(Next(depth), Expr.Two)); // 1 + u² ≥ 1

        public Expr Next(int depth)
        {
            if (depth == 0)
                return random.Next(3) switch { 0 => X, 1 => Y, _ => Num.Of(random.Next(-3, 4)) };
            var u = Next(depth - 1);
            return random.Next(12) switch
            {
                0 => Expr.Add(u, Next(depth - 1)),
                1 => Expr.Mul(u, Next(depth - 1)),
                2 => Expr.Div(u, Positive(depth - 1)),
                3 => Expr.Pow(u, Num.Of(random.Next(2, 4))),
                4 => Expr.Pow(Positive(depth - 1), Num.Of(new Numbers.Rational(random.Next(-3, 4), random.Next(2, 4)))),
                5 => Expr.Pow(Positive(depth - 1), Expr.Sin(u)),              // symbolic exponent on a positive base
                6 => Expr.Exp(Expr.Div(u, Num.Of(4))),
                7 => Expr.Log(Positive(depth - 1)),
                8 => Expr.Sqrt(Positive(depth - 1)),
                9 => Expr.Sin(u),
                10 => Expr.Cos(u),
                _ => Expr.Mul(Expr.Abs(Positive(depth - 1)), Expr.Sign(Positive(depth - 1))), // |1+u²|·sign(1+v²): smooth
            };
        }
    }

    [Fact]
    public void RandomSmoothExpressionsAgreeWithFiniteDifferences()
    {
        var random = new Random(Seed);
        var generator = new SmoothExpressions(random);
        int compared = 0;
        for (int i = 0; i < 300; i++)
        {
            var f = generator.Next(3);
            var x = random.Next(2) == 0 ? X : Y;
            var d = Algebra.Diff(f, x);
            for (int k = 0; k < 3; k++)
            {
                var point = DiffNumericCheck.RandomPoint(random, ["x", "y"], positive: false);
                if (DiffNumericCheck.Mismatch(f, x, d, point) is { } message)
                    Assert.Fail($"seed {Seed}, expression #{i}: {message}; derivative {d}");
                compared++;
            }
        }
        Assert.Equal(900, compared);
    }

    [Fact]
    public void DifferentiatingASumOfRandomTermsIsLinear()
    {
        var random = new Random(Seed + 1);
        var generator = new SmoothExpressions(random);
        for (int i = 0; i < 200; i++)
        {
            var (f, g) = (generator.Next(2), generator.Next(2));
            var c = Num.Of(random.Next(-5, 6));
            var whole = Algebra.Diff(Expr.Add(f, Expr.Mul(c, g)), X);
            var parts = Expr.Add(Algebra.Diff(f, X), Expr.Mul(c, Algebra.Diff(g, X)));
            var verdict = Algebra.Equal(whole, parts).Verdict;
            Assert.True(verdict == EqualityVerdict.ProvedEqual, $"seed {Seed + 1}, #{i}: d/dx({f} + {c}*({g})) gives {whole}, the parts {parts}: {verdict}");
        }
    }
}
