using ImplicitReg.Reports.Plots;

namespace ImplicitReg.Reports.Tests.Plots;

public sealed class FigureCsvTests
{
    [Fact]
    public void EveryPointIsWrittenInRoundTripFormUnderAHeaderNamingTheAxes()
    {
        var x = new[] { 0.1, 1.0 / 3 };
        var y = new[] { -2.5e-300, double.NaN };
        var figure = new Figure("f", "t", "c", new PlotAxis("time t", "s"), new PlotAxis("det W, signed", "u"),
            [new PlotSeries("run \"a\"", x, y)], [new PlotFlag(1, 2, "sign change")]);
        var lines = FigureCsv.Write(figure).Split('\n');
        Assert.Equal("series,time t [s],\"det W, signed [u]\"", lines[0]);
        Assert.Equal("\"run \"\"a\"\"\",0.1,-2.5E-300", lines[1]);
        var fields = lines[2].Split(',');
        Assert.Equal(1.0 / 3, double.Parse(fields[^2], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("NaN", fields[^1]);
        Assert.Equal("flag: sign change,1,2", lines[3]);
        Assert.Equal("", lines[4]);
        Assert.Equal(5, lines.Length);
    }
}
