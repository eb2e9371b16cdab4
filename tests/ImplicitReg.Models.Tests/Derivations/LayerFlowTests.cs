using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using Xunit.Abstractions;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class LayerFlowTests(ITestOutputHelper output)
{
    private static readonly Observation[] Razin2x2 =
    [
        new(1, 2, Rational.One), new(2, 1, Rational.One), new(2, 2, Rational.Zero),
    ];

    [Fact]
    public void TheSystemHasOneEquationPerLayerEntryInParameterOrder()
    {
        var model = new DeepMatrixFactorization([2, 3, 3, 2]);
        var flow = LayerFlow.Derive(model, new CompletionLoss(2, 2, Razin2x2, LossScale.HalfSse));
        Assert.Equal(6 + 9 + 6, flow.Count);
        Assert.Equal(model.Parameters(), flow.Select(f => f.Variable));
        Assert.Equal("W1[1,1]", flow[0].Variable.Name);
        Assert.Equal("W3[2,3]", flow[^1].Variable.Name);
    }

    [Fact]
    public void RightSidesMentionOnlyLayerSymbols()
    {
        var model = new DeepMatrixFactorization([2, 2, 2, 2]);
        var flow = LayerFlow.Derive(model, new CompletionLoss(2, 2, Razin2x2, LossScale.Mse));
        var allowed = model.Parameters().ToHashSet();
        foreach (var eq in flow)
            Assert.All(Algebra.FreeSymbols(eq.Rhs), s => Assert.Contains(s, allowed));
    }

    [Fact]
    public void DepthOneHalfSseFlowIsMinusTheResidualOnObservedEntries()
    {
        // N = 1, c = 1/2: Ẇ = −(W − B) on Ω and 0 elsewhere (the ½ cancels the 2 of the square).
        var flow = LayerFlow.Derive(new DeepMatrixFactorization([2, 2]), new CompletionLoss(2, 2, Razin2x2, LossScale.HalfSse));
        var byName = flow.ToDictionary(f => f.Variable.Name, f => f.Rhs.ToString());
        Assert.Equal("0", byName["W1[1,1]"]);
        Assert.Equal("-W1[1,2] + 1", byName["W1[1,2]"]);
        Assert.Equal("-W1[2,2]", byName["W1[2,2]"]);
    }

    [Theory]
    [InlineData("2,2,2", LossScale.HalfSse, 11)]
    [InlineData("2,3,3,2", LossScale.HalfSse, 12)]
    [InlineData("3,2,4,2", LossScale.Mse, 13)]
    [InlineData("2,2,2,2,2", LossScale.Sse, 14)]
    public void LayerFlowAgreesWithThePublishedFormulaAtRandomRationalPoints(string dims, LossScale scale, int seed)
    {
        output.WriteLine($"seed {seed}");
        var model = new DeepMatrixFactorization(dims.Split(',').Select(int.Parse).ToArray());
        var observed = new[] { new Observation(1, 1, new Rational(1, 2)), new Observation(2, 2, Rational.MinusOne), new Observation(1, 2, 3) };
        var loss = new CompletionLoss(model.Rows, model.Cols, observed, scale);
        var flow = LayerFlow.Derive(model, loss);
        var rng = new Random(seed);
        var point = PointAt(model, rng);
        foreach (var eq in flow)
        {
            var expected = PublishedRate(model, loss, point, eq.Variable.Name);
            var actual = Algebra.EvaluateExact(eq.Rhs, point.Env);
            Assert.Equal((Expr)Num.Of(expected), actual);
        }
    }

    [Fact]
    public void AFlowDerivedForOneLossConstantDisagreesWithTheFormulaForAnother()
    {
        // Negative control: the constant matters; the sse flow is twice the half-sse flow, not equal to it.
        var model = new DeepMatrixFactorization([2, 2, 2]);
        var halfSse = new CompletionLoss(2, 2, Razin2x2, LossScale.HalfSse);
        var sse = new CompletionLoss(2, 2, Razin2x2, LossScale.Sse);
        var point = PointAt(model, new Random(5));
        output.WriteLine("seed 5");
        var derived = LayerFlow.Derive(model, sse);
        var mismatches = derived.Count(eq =>
            !Algebra.EvaluateExact(eq.Rhs, point.Env).Equals(Num.Of(PublishedRate(model, halfSse, point, eq.Variable.Name))));
        Assert.True(mismatches > 0, "the sse flow must differ from the half-sse formula somewhere");
    }

    private sealed record Point(Rational[][,] Layers, Dictionary<string, Rational> Env);

    private static Point PointAt(DeepMatrixFactorization model, Random rng)
    {
        var layers = new Rational[model.Depth + 1][,];
        var env = new Dictionary<string, Rational>();
        for (int j = 1; j <= model.Depth; j++)
        {
            var (rows, cols) = model.LayerShape(j);
            layers[j] = RationalMatrix.Random(rng, rows, cols);
            for (int r = 0; r < rows; r++)
                for (int c = 0; c < cols; c++)
                    env[SymbolNames.Layer(j, r + 1, c + 1).Name] = layers[j][r, c];
        }
        return new Point(layers, env);
    }

    // M1 as published, evaluated exactly: Ẇ_j = −(W_N⋯W_{j+1})ᵀ G (W_{j−1}⋯W_1)ᵀ with G = 2c (W − B) on Ω.
    private static Rational PublishedRate(DeepMatrixFactorization model, CompletionLoss loss, Point p, string name)
    {
        int j = int.Parse(name[1..name.IndexOf('[')]);
        var idx = name[(name.IndexOf('[') + 1)..^1].Split(',').Select(int.Parse).ToArray();
        Rational[,] Prod(int from, int to)
        {
            var m = RationalMatrix.Identity(model.Dims[from - 1]);
            for (int k = from; k <= to; k++) m = RationalMatrix.Product(p.Layers[k], m);
            return m;
        }
        var w = Prod(1, model.Depth);
        var g = new Rational[model.Rows, model.Cols];
        for (int a = 0; a < model.Rows; a++) for (int b = 0; b < model.Cols; b++) g[a, b] = Rational.Zero;
        foreach (var o in loss.Observed) g[o.Row - 1, o.Col - 1] = 2 * loss.Constant * (w[o.Row - 1, o.Col - 1] - o.Target);
        var rate = RationalMatrix.Product(RationalMatrix.Product(RationalMatrix.Transpose(Prod(j + 1, model.Depth)), g), RationalMatrix.Transpose(Prod(1, j - 1)));
        return -rate[idx[0] - 1, idx[1] - 1];
    }
}
