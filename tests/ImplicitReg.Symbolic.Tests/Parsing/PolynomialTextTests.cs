using System.Text;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Tests.Testing;

namespace ImplicitReg.Symbolic.Tests.Parsing;

/// <summary>
/// The direct expansion of written-out polynomials (PolynomialText, behind <see cref="Parser.ParseExpanded"/> and
/// <see cref="Parser.TryParseExpanded"/>) must give exactly what the tree path gives, <c>Algebra.Expand(Parser.Parse(text))</c>,
/// and leave everything else (and every error) to the tree path.
/// </summary>
public sealed class PolynomialTextTests
{
    private static readonly string[] Atoms =
        ["x", "y", "z", "W1[1,2]", "W2[2,1]", "G[1,1]", "C1[1,10]", "C1[1,9]", "a_b2", "2", "3", "0", "1.5", "1", "10", ".25", "1e-3", "2E2"];

    /// <summary>A random polynomial text: signs (unary ones too), repeated symbols, powers, divisions by numbers, nested sums, odd spacing.</summary>
    private static string RandomText(Random rng, int terms, int nesting)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < terms; i++)
        {
            if (i > 0) sb.Append(rng.Next(5) switch { 0 => " + ", 1 => "-", 2 => "\n- ", 3 => "+\t", _ => " - -" });
            else if (rng.Next(3) == 0) sb.Append('-');
            int factors = 1 + rng.Next(4);
            for (int f = 0; f < factors; f++)
            {
                if (f > 0) sb.Append(rng.Next(10) == 0 ? "/" : rng.Next(2) == 0 ? "*" : " * ");
                bool divisor = f > 0 && sb[^1] == '/';
                if (!divisor && rng.Next(6) == 0) sb.Append('-');
                if (!divisor && nesting > 0 && rng.Next(5) == 0)
                {
                    sb.Append('(').Append(RandomText(rng, 1 + rng.Next(4), nesting - 1)).Append(')');
                    if (nesting == 1 && rng.Next(6) == 0) sb.Append(rng.Next(2) == 0 ? "^2" : "**3"); // powers of innermost sums only: small results
                    continue;
                }
                var atom = divisor ? Atoms[9 + rng.Next(2)] : Atoms[rng.Next(Atoms.Length)];
                sb.Append(atom);
                if (rng.Next(8) == 0) sb.Append('^').Append(1 + rng.Next(3));
            }
        }
        return sb.ToString();
    }

    private static Expr ViaTree(string text) => Algebra.Expand(Parser.Parse(text));

    [Fact]
    public void RandomPolynomialTextsExpandExactlyAsTheTreePathExpandsThem()
    {
        const int seed = 20261127;
        var rng = new Random(seed);
        int nonZero = 0;
        for (int n = 0; n < 400; n++)
        {
            var text = RandomText(rng, 1 + rng.Next(5), 2);
            var expected = ViaTree(text);
            Assert.True(Parser.TryParseExpanded(Encoding.UTF8.GetBytes(text), out var fromBytes), $"seed {seed}, case {n}: the fast path refused '{text}'");
            var fromString = Parser.ParseExpanded(text, out var domain);
            Assert.True(expected.Equals(fromBytes), $"seed {seed}, case {n}: '{text}' gave {fromBytes}, the tree path {expected}");
            Assert.Equal(expected, fromString);
            Assert.Equal(expected.ToString(), fromBytes.ToString());
            Assert.Empty(domain);
            if (!expected.Equals(Expr.Zero)) nonZero++;
        }
        Assert.True(nonZero > 350, $"only {nonZero} of 400 random texts expand to a non-zero polynomial");
    }

    [Theory]
    [InlineData("x/y")]                 // a rational function, with the domain y != 0
    [InlineData("sin(x)*(x+1)")]        // a function
    [InlineData("x^-1*(x+1)")]          // a negative power
    [InlineData("(x+1)^(1/2)")]         // a root
    [InlineData("x^2^3")]               // x^(2^3)
    [InlineData("W[ 01, 2 ]*(x+1)")]    // an index spelled with spaces and a leading zero
    [InlineData("W [1,2]*(x+1)")]
    [InlineData("x^100*x^100 + (x+y)^130")] // exponents past the 8-bit packing
    [InlineData("x^100*(x^100 + y) + 1")] // past the packing only once a term's sum is distributed (x^200)
    [InlineData("-----x*(y+1)")]        // more unary signs than the fast path takes
    [InlineData("x^0*(y+1)")]
    [InlineData("x + 1 = (x+1)^2")]     // a statement
    [InlineData("x\u00A0+ 1")]          // non-ASCII whitespace: only the string path takes it
    public void TextOutsideThePolynomialSubsetTakesTheTreePathWithTheSameResultAndDomain(string text)
    {
        Assert.False(Parser.TryParseExpanded(Encoding.UTF8.GetBytes(text), out _));
        var expected = Algebra.Expand(Parser.ParseWithDomain(text, out var expectedDomain));
        var actual = Parser.ParseExpanded(text, out var domain);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedDomain, domain);
    }

    [Fact]
    public void NestingBeyondTheFastPathIsExpandedByTheTreePathOrRefusedWithItsError()
    {
        string Nested(int depth) => new string('(', depth) + "x+1" + new string(')', depth) + "*y";
        Assert.True(Parser.TryParseExpanded(Encoding.UTF8.GetBytes(Nested(Parser.MaxDirectNesting)), out var atLimit));
        Assert.Equal(ViaTree(Nested(Parser.MaxDirectNesting)), atLimit);
        Assert.False(Parser.TryParseExpanded(Encoding.UTF8.GetBytes(Nested(Parser.MaxDirectNesting + 1)), out _));
        Assert.Equal(ViaTree(Nested(120)), Parser.ParseExpanded(Nested(120), out _));
        var e = Assert.Throws<ParseException>(() => Parser.ParseExpanded(Nested(2000), out _));
        Assert.Contains($"nested deeper than {Parser.MaxDepth} levels", e.Reason);
    }

    [Fact]
    public void AByteOrderMarkIsSkippedAndNonAsciiBytesAreRefused()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("(x+1)*(x-1)")).ToArray();
        Assert.True(Parser.TryParseExpanded(bom, out var e));
        Assert.Equal(Parser.Parse("x^2 - 1"), e);
        Assert.False(Parser.TryParseExpanded(Encoding.UTF8.GetBytes("x \u2212 1"), out _)); // a Unicode minus
        var error = Assert.Throws<ParseException>(() => Parser.ParseExpanded("x \u2212 1", out _));
        Assert.Contains("write '-' for minus", error.Reason);
    }

    /// <summary>
    /// The balancedness identity of a depth-3 factorization with 2×2 layers, written out the way a derivation hands
    /// it over (every entry of the layer flows expanded in parentheses, weighted by a distinct symbol per entry of
    /// D_j): it expands to 0, and with one sign flipped (a negative control) to the same non-zero polynomial as on
    /// the tree path.
    /// </summary>
    [Fact]
    public void TheBalancednessIdentityWrittenOutExpandsToZeroAndABrokenOneDoesNot()
    {
        var identity = BalancednessDefectText.Write(depth: 3, size: 2);
        Assert.True(Parser.TryParseExpanded(Encoding.UTF8.GetBytes(identity), out var zero));
        Assert.Equal(Expr.Zero, zero);
        Assert.Equal(Expr.Zero, ViaTree(identity));

        var broken = BalancednessDefectText.Write(depth: 3, size: 2, flipEntry: 5);
        Assert.True(Parser.TryParseExpanded(Encoding.UTF8.GetBytes(broken), out var nonZero));
        Assert.NotEqual(Expr.Zero, nonZero);
        Assert.Equal(ViaTree(broken), nonZero);
    }

    [Fact]
    public void AMalformedTokenInTheMiddleOfAHugeSumGetsItsLineAndColumn()
    {
        var sb = new StringBuilder();
        for (int line = 1; line <= 20_000; line++)
            sb.Append(line == 12_345 ? " - W1[1,2]*(W2[2,1] $ G[1,1])\n" : $" + C[1,{line % 3 + 1}]*(W1[1,{line % 7 + 1}]*W2[2,1] - G[1,{line % 5 + 1}])\n");
        var text = sb.ToString();
        Assert.False(Parser.TryParseExpanded(Encoding.UTF8.GetBytes(text), out _));
        var e = Assert.Throws<ParseException>(() => Parser.ParseExpanded(text, out _));
        Assert.Equal((12_345, 21), (e.Line, e.Column));
        Assert.Contains("unexpected character '$'", e.Reason);

        var fixedText = text.Replace("$", "-");
        Assert.True(Parser.TryParseExpanded(Encoding.UTF8.GetBytes(fixedText), out var expanded));
        Assert.Equal(ViaTree(fixedText), expanded);
    }
}
