using System.Xml.Linq;
using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Tests.Plots;

public sealed class SvgFigureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Figure Sample(string id = "sample") => new(id, "A title", "A caption",
        new PlotAxis("step size η", "time units", AxisScale.Logarithmic),
        new PlotAxis("gap", "parameter units", AxisScale.Logarithmic),
        [
            new PlotSeries("measured", [0.01, 0.005, 0.0025], [1e-3, 5e-4, 2.5e-4], SeriesKind.MeasuredPoints),
            new PlotSeries("reference", [0.01, 0.0025], [1e-3, 2.5e-4], SeriesKind.Prediction),
        ], [new PlotFlag(0.005, 5e-4, "look here")]);

    private static string[] Texts(string svg) =>
        XElement.Parse(svg).Descendants(Svg + "text").Select(t => t.Value).ToArray();

    [Fact]
    public void TheSvgIsOneWellFormedElementWithTitleAxesUnitsAndLegend()
    {
        var svg = SvgFigure.Render(Sample());
        Assert.StartsWith("<svg viewBox=\"0 0 760 440\"", svg);
        var texts = Texts(svg);
        Assert.Contains("A title", texts);
        Assert.Contains("step size η [time units]", texts);
        Assert.Contains("gap [parameter units]", texts);
        Assert.Contains("measured", texts);
        Assert.Contains("reference", texts);
        Assert.Contains("look here", texts);
    }

    [Fact]
    public void TheDefaultWindowsFontIsReplacedByAGenericFamily()
    {
        var svg = SvgFigure.Render(Sample());
        Assert.DoesNotContain("Segoe", svg);
        var families = XElement.Parse(svg).Descendants(Svg + "text").Select(t => (string?)t.Attribute("font-family") ?? "").Distinct().ToArray();
        Assert.Equal(["sans-serif"], families);
    }

    [Fact]
    public void TheSameFigureGivesTheSameBytes() =>
        Assert.Equal(SvgFigure.Render(Sample()), SvgFigure.Render(Sample()));

    [Fact]
    public void ClipPathIdsArePrefixedSoTwoFiguresCanShareAPage()
    {
        var a = XElement.Parse(SvgFigure.Render(Sample("first")));
        var b = XElement.Parse(SvgFigure.Render(Sample("second")));
        var ids = a.Descendants().Concat(b.Descendants()).Select(e => (string?)e.Attribute("id")).Where(i => i is not null).ToArray();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(id!.StartsWith("first-", StringComparison.Ordinal) || id.StartsWith("second-", StringComparison.Ordinal), id));
        Assert.DoesNotContain("url(#clipPath", a.ToString());
    }

    [Fact]
    public void LogarithmicAxesReallyAreLogarithmic()
    {
        var model = SvgFigure.BuildModel(Sample());
        Assert.All(model.Axes, a => Assert.IsType<OxyPlot.Axes.LogarithmicAxis>(a));
        var linear = Sample() with { XAxis = new PlotAxis("t", "s") };
        Assert.IsType<OxyPlot.Axes.LinearAxis>(SvgFigure.BuildModel(linear).Axes[0]);
    }

    [Fact]
    public void PointsALogAxisCannotShowAreLeftOutOfTheDrawingOnly()
    {
        var figure = Sample() with { Series = [new PlotSeries("with zero", [1, 2, 3], [0, -1, 5])], Flags = [] };
        var line = Assert.IsType<OxyPlot.Series.LineSeries>(SvgFigure.BuildModel(figure).Series[0]);
        Assert.Single(line.Points);
        Assert.Contains("with zero,3,5", FigureCsv.Write(figure));
        Assert.Contains("with zero,1,0", FigureCsv.Write(figure));
    }

    [Fact]
    public void PredictionsAreDashedAndMeasurementsSolid()
    {
        var series = SvgFigure.BuildModel(Sample()).Series.OfType<OxyPlot.Series.LineSeries>().ToArray();
        Assert.Equal(OxyPlot.LineStyle.Solid, series[0].LineStyle);
        Assert.Equal(OxyPlot.LineStyle.Dash, series[1].LineStyle);
    }

    [Fact]
    public void AMalformedFigureIsRefused()
    {
        var bad = Sample() with { Series = [new PlotSeries("short", [1, 2], [1])] };
        Assert.Throws<ArgumentException>(() => SvgFigure.Render(bad));
        Assert.Throws<ArgumentException>(() => SvgFigure.Render(Sample("has space")));
    }
}

public sealed class PowerOfTenLabelTests
{
    [Theory]
    [InlineData(1e-4, "10⁻⁴")]
    [InlineData(3e-5, "3·10⁻⁵")]
    [InlineData(1e5, "10⁵")]
    [InlineData(2e12, "2·10¹²")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.01, "0.01")]
    [InlineData(1000, "1000")]
    public void LogAxisLabelsAreOneStringWithSuperscriptExponents(double value, string label) =>
        Assert.Equal(label, SvgFigure.PowerOfTen(value));
}

public sealed class BrowserTextMeasurerTests
{
    [Fact]
    public void GreekLettersAndSubscriptsTakeRoomAndNeverLessThanHelveticaGives()
    {
        var ours = new BrowserTextMeasurer();
        var pdf = new OxyPlot.PdfRenderContext(100, 100, OxyPlot.OxyColors.White);
        foreach (var text in new[] { "depth 2 (run): det W", "step size η [gradient-flow time units per step]", "fitted slope 1.002" })
            Assert.True(ours.MeasureText(text, "sans-serif", 12, 400).Width >= pdf.MeasureText(text, "sans-serif", 12, 400).Width * 1.1, text);
        Assert.True(ours.MeasureText("σ₁", "sans-serif", 12, 400).Width > 10);
        Assert.Equal(2 * BrowserTextMeasurer.LineHeight * 12, ours.MeasureText("a\nb", "sans-serif", 12, 400).Height, 10);
    }
}
