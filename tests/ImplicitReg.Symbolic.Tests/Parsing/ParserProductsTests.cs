using System.Text;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Parsing;

/// <summary>
/// The parser's fast path for terms that are products of numbers and symbols (Parser.Products.cs) must build
/// exactly what the general path builds. The general path is forced by writing every atom in parentheses,
/// <c>(x)*(y)</c>, which the fast path never takes.
/// </summary>
public sealed class ParserProductsTests
{
    private static readonly string[] Atoms =
        ["x", "y", "z", "W1[1,2]", "W2[2,1]", "W2[ 02 , 1 ]", "G[1,1]", "C1[1,10]", "C1[1,9]", "2", "3", "0", "1.5", "1", "10"];

    /// <summary>A random sum of products of atoms, with signs, repeated symbols, powers, divisions and parenthesised sums.</summary>
    private static string RandomText(Random rng, int terms, int nesting, bool wrapAtoms)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < terms; i++)
        {
            var sign = rng.Next(4) switch { 0 => "-", 1 => i == 0 ? "" : "+", 2 => i == 0 ? "+" : " + ", _ => i == 0 ? "- " : " - " };
            if (i > 0 && sign == "") sign = "+";
            sb.Append(sign);
            int factors = 1 + rng.Next(6);
            for (int f = 0; f < factors; f++)
            {
                if (f > 0) sb.Append(rng.Next(12) == 0 ? "/" : rng.Next(2) == 0 ? "*" : " * ");
                if (nesting > 0 && rng.Next(8) == 0)
                {
                    sb.Append('(').Append(RandomText(rng, 1 + rng.Next(4), nesting - 1, wrapAtoms)).Append(')');
                    continue;
                }
                var atom = Atoms[rng.Next(Atoms.Length)];
                if (atom == "0" && rng.Next(3) != 0) atom = "x"; // keep most terms non-zero
                sb.Append(wrapAtoms ? $"({atom})" : atom);
                if (rng.Next(10) == 0) sb.Append("^2");
            }
        }
        return sb.ToString();
    }

    private static (string Fast, string General) RandomPair(int seed, int terms)
    {
        var fast = RandomText(new Random(seed), terms, 2, wrapAtoms: false);
        var general = RandomText(new Random(seed), terms, 2, wrapAtoms: true);
        return (fast, general);
    }

    [Fact]
    public void RandomSumsOfProductsParseToExactlyTheTreesOfTheGeneralPath()
    {
        int taken = 0;
        for (int seed = 1; seed <= 400; seed++)
        {
            var (fast, general) = RandomPair(seed, 1 + seed % 12);
            Expr expected;
            try
            {
                expected = Parser.ParseWithDomain(general, out var expectedDomain);
                var actual = Parser.ParseWithDomain(fast, out var domain);
                Assert.True(expected.Equals(actual), $"seed {seed}: '{fast}' gave {actual}, the general path {expected}");
                Assert.Equal(expected.ToString(), actual.ToString());
                Assert.Equal(expectedDomain, domain);
                taken++;
            }
            catch (ParseException e)
            {
                // Division by a literal zero: both paths must refuse it the same way.
                var other = Assert.Throws<ParseException>(() => Parser.Parse(fast));
                Assert.Equal(e.Reason, other.Reason);
            }
        }
        Assert.True(taken > 350, $"only {taken} random texts parsed");
    }

    [Theory]
    [InlineData("-a*b*c + d*e", "(-a)*b*c + d*e")]
    [InlineData("2*a*3*b - a*b", "a*b*5")]
    [InlineData("a*b*a", "a^2*b")]
    [InlineData("a*b^2", "a*(b^2)")]
    [InlineData("x^a*b", "(x^a)*b")]
    [InlineData("-x*y", "(-x)*y")]
    [InlineData("a*b/c", "a*b*c^(-1)")]
    [InlineData("(a*b - b*a)", "0")]
    [InlineData("0*a*b + c", "c")]
    [InlineData("a - b*c*0.5", "a + (-1/2)*b*c")]
    public void ProductRunsMeanWhatTheGrammarSays(string text, string same) =>
        Assert.Equal(Parser.Parse(same), Parser.Parse(text));

    [Fact]
    public void AFunctionNameOrKeywordInARunIsNotASymbol()
    {
        Assert.Equal(Expr.Mul(new Sym("a"), Expr.Sin(new Sym("x"))), Parser.Parse("a*sin(x)"));
        var e = Assert.Throws<ParseException>(() => Parser.Parse("a*b*sin + c"));
        Assert.Contains("'sin' is a function", e.Reason);
        Assert.Throws<ParseException>(() => Parser.Parse("a*b*true + c"));
    }

    [Fact]
    public void AMalformedTermInTheMiddleOfAHugeSumIsReportedAtItsLineAndColumn()
    {
        var sb = new StringBuilder();
        for (int line = 1; line <= 20_000; line++)
            sb.Append(line == 12_345 ? "  - W1[1,2]*W2[2,#]*G[1,1]\n" : $" + W1[1,{line % 7 + 1}]*W2[2,1]*G[1,{line % 5 + 1}]\n");
        var e = Assert.Throws<ParseException>(() => Parser.Parse(sb.ToString()));
        Assert.Equal(12_345, e.Line);
        Assert.Equal(18, e.Column);
        Assert.Contains("index", e.Reason);

        sb.Replace("W2[2,#]", "W2[2,1] W3[1,1]");
        var missing = Assert.Throws<ParseException>(() => Parser.Parse(sb.ToString()));
        Assert.Equal((12_345, 21), (missing.Line, missing.Column));
        Assert.Contains("missing operator between 'W2[2,1]' and 'W3[1,1]'", missing.Reason);

        sb.Replace("W2[2,1] W3[1,1]*G[1,1]", "W2[2,1]*)");
        var unmatched = Assert.Throws<ParseException>(() => Parser.Parse(sb.ToString()));
        Assert.Equal((12_345, 21), (unmatched.Line, unmatched.Column));
        Assert.Contains("unmatched ')'", unmatched.Reason);
    }

    [Fact]
    public void AHugeSumOfProductsExpandsExactlyAsItsEvaluationSays()
    {
        // Exact check of parse + expand: the expansion agrees with the text at random rational points.
        var rng = new Random(7);
        for (int seed = 1; seed <= 40; seed++)
        {
            var (fast, _) = RandomPair(seed, 30);
            Expr parsed;
            try
            {
                parsed = Parser.Parse(fast);
            }
            catch (ParseException)
            {
                continue;
            }
            var expanded = Algebra.Expand(parsed);
            Assert.Equal(expanded, Algebra.Expand(expanded));
            var symbols = Algebra.FreeSymbols(parsed).ToList();
            for (int point = 0; point < 3; point++)
            {
                var at = symbols.ToDictionary(s => (Expr)s, _ => (Expr)Num.Of(new Rational(rng.Next(1, 40), rng.Next(1, 9))));
                Assert.Equal(Algebra.Substitute(parsed, at), Algebra.Substitute(expanded, at));
            }
        }
    }
}
