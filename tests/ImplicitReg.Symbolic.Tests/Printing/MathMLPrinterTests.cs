using System.Xml;
using System.Xml.Linq;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Symbolic.Tests.Printing;

public sealed class MathMLPrinterTests
{
    private static readonly XNamespace M = MathMLPrinter.Namespace;

    private static XElement Math(string input) => XElement.Parse(MathMLPrinter.Print(Parser.Parse(input)));

    /// <summary>The single child of the math element, as compact markup without the namespace.</summary>
    private static string Body(string input)
    {
        var math = Math(input);
        Assert.Equal(M + "math", math.Name);
        var body = Assert.Single(math.Elements());
        foreach (var e in body.DescendantsAndSelf()) e.Name = e.Name.LocalName;
        return body.ToString(SaveOptions.DisableFormatting);
    }

    [Theory]
    [InlineData("x", "<mi>x</mi>")]
    [InlineData("3", "<mn>3</mn>")]
    [InlineData("-3", "<mrow><mo>-</mo><mn>3</mn></mrow>")]
    [InlineData("3/4", "<mfrac><mn>3</mn><mn>4</mn></mfrac>")]
    [InlineData("x^2", "<msup><mi>x</mi><mn>2</mn></msup>")]
    [InlineData("sqrt(x)", "<msqrt><mi>x</mi></msqrt>")]
    [InlineData("x/y", "<mfrac><mi>x</mi><mi>y</mi></mfrac>")]
    [InlineData("x + y", "<mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow>")]
    [InlineData("x - y", "<mrow><mi>x</mi><mo>-</mo><mi>y</mi></mrow>")]
    [InlineData("2*x", "<mrow><mn>2</mn><mo>\u2062</mo><mi>x</mi></mrow>")]
    [InlineData("(x + y)^2", "<msup><mrow><mo>(</mo><mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow><mo>)</mo></mrow><mn>2</mn></msup>")]
    [InlineData("W2[1,3]", "<msub><mi>W2</mi><mrow><mn>1</mn><mo separator=\"true\">,</mo><mn>3</mn></mrow></msub>")]
    [InlineData("eta", "<mi>\u03B7</mi>")]
    [InlineData("abs(x)", "<mrow><mo>|</mo><mi>x</mi><mo>|</mo></mrow>")]
    [InlineData("sin(x)", "<mrow><mi>sin</mi><mo>\u2061</mo><mrow><mo>(</mo><mi>x</mi><mo>)</mo></mrow></mrow>")]
    [InlineData("x <= 1", "<mrow><mi>x</mi><mo>\u2264</mo><mn>1</mn></mrow>")]
    [InlineData("x < 1", "<mrow><mi>x</mi><mo>&lt;</mo><mn>1</mn></mrow>")]
    [InlineData("not x < 1", "<mrow><mo>\u00AC</mo><mrow><mi>x</mi><mo>&lt;</mo><mn>1</mn></mrow></mrow>")]
    public void NodesMapToPresentationElements(string input, string markup) => Assert.Equal(markup, Body(input));

    [Fact]
    public void EveryRandomExpressionIsWellFormedMathML()
    {
        var generator = new RandomExpressions(11);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit };
        string[] allowed = ["math", "mi", "mn", "mo", "mrow", "mfrac", "msup", "msub", "msqrt", "mtext"];
        for (int i = 0; i < 2000; i++)
        {
            var e = generator.Next();
            var xml = MathMLPrinter.Print(e);
            XElement root;
            try
            {
                using var reader = XmlReader.Create(new StringReader(xml), settings);
                root = XElement.Load(reader);
            }
            catch (XmlException ex)
            {
                Assert.Fail($"seed 11, #{i}: '{e}' gives malformed XML ({ex.Message}): {xml}");
                return;
            }
            Assert.Equal(M + "math", root.Name);
            foreach (var el in root.DescendantsAndSelf())
            {
                Assert.Equal(M, el.Name.Namespace);
                Assert.Contains(el.Name.LocalName, allowed);
                // Fixed-arity elements: mfrac/msup/msub take exactly two children.
                if (el.Name.LocalName is "mfrac" or "msup" or "msub")
                    Assert.True(el.Elements().Count() == 2, $"seed 11, #{i}: '{e}': <{el.Name.LocalName}> has {el.Elements().Count()} children");
            }
        }
    }

    [Fact]
    public void AWrongArityIsDetectedByTheWellFormednessCheck()
    {
        // Negative control for the arity check above: a three-child msup is what a missing mrow produces.
        var bad = XElement.Parse("<math xmlns=\"" + MathMLPrinter.Namespace + "\"><msup><mi>x</mi><mo>+</mo><mi>y</mi></msup></math>");
        Assert.Contains(bad.Descendants(), el => el.Name.LocalName == "msup" && el.Elements().Count() != 2);
    }
}
