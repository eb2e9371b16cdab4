using System.Text.RegularExpressions;
using ImplicitReg.Reports.Html;
using ImplicitReg.Reports.Markdown;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Reports.Tests.Html;

public sealed class MathMarkupTests
{
    [Fact]
    public void AFormulaIsTypesetFromTheKernelsReading()
    {
        var math = MathMarkup.FromText("sqrt(x) >= 0");
        Assert.StartsWith("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\">", math);
        Assert.Contains("<msqrt>", math, StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatDoesNotParseIsShownAsCodeNotDropped() =>
        Assert.Equal("<code class=\"formula\">x +* &lt;y</code>", MathMarkup.FromText("x +* <y"));

    [Fact]
    public void AFormulaTooLongToTypesetIsShownAsTheStartOfItsTextWithTheWholeTextCollapsed()
    {
        var huge = Parser.Parse(string.Join(" + ", Enumerable.Range(1, 600).Select(i => $"x{i}^2*y{i}")));
        var html = MathMarkup.Block(huge);
        Assert.StartsWith("<div class=\"formula-long\"><p class=\"formula-excerpt\"><code>", html);
        Assert.Contains("too long to typeset", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<math", html, StringComparison.Ordinal);
        // The excerpt is short; the whole text is in a collapsed <details> (no "open" attribute), every term of it.
        var excerpt = html[..html.IndexOf("<details>", StringComparison.Ordinal)];
        Assert.True(excerpt.Length < 1000);
        var whole = Regex.Match(html, "<details><summary>[^<]*</summary><pre class=\"formula-whole\">([^<]*)</pre></details>");
        Assert.True(whole.Success, html);
        Assert.Equal(huge.ToString(), whole.Groups[1].Value);
        Assert.Equal(huge.ToString(), Parser.Parse(whole.Groups[1].Value).ToString()); // the reader gets a formula the kernel reads back
        var small = Parser.Parse("x1^2*y1 + x2^2*y2");
        Assert.StartsWith("<math", MathMarkup.Block(small));
    }

    [Fact]
    public void InReportMdATooLongFormulaKeepsItsWholeLatexInACollapsedElement()
    {
        var tex = string.Concat(Enumerable.Repeat(@"x_{1}^{2} y_{1} + ", 400)) + "1";
        var md = LatexMarkup.Display(tex);
        Assert.StartsWith("`", md);
        Assert.Contains($"<details><summary>the whole formula ({tex.Length} characters of LaTeX)</summary>\n\n$$\n{tex}\n$$\n\n</details>", md, StringComparison.Ordinal);
        Assert.Equal("$$\nx^{2}\n$$", LatexMarkup.Display("x^{2}"));
    }

    [Fact]
    public void AClaimFormulaIsTypesetAsTheKernelReadsItAndShownAsWritten()
    {
        // The kernel's canonical form of (1 - sqrt(2*l))^2/sqrt(2*l) is written differently; the reviewer also gets the text to find in the paper.
        var html = MathMarkup.WithWritten("l < 1/2 implies abs(W[1,1]) > (1 - sqrt(2*l))^2/sqrt(2*l)");
        Assert.StartsWith("<math ", html, StringComparison.Ordinal);
        Assert.EndsWith("<p class=\"written\"><span class=\"muted\">as written:</span> <code>l &lt; 1/2 implies abs(W[1,1]) &gt; (1 - sqrt(2*l))^2/sqrt(2*l)</code></p>", html, StringComparison.Ordinal);
        // Text that does not parse is shown once, as code.
        Assert.Equal("<code class=\"formula\">x +</code>", MathMarkup.WithWritten("x +"));
    }
}
