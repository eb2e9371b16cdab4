namespace ImplicitReg.Experiments.Simulators;

/// <summary>
/// The one source of randomness of a simulation: a seeded generator (reproducible across runs and
/// platforms) with standard normal draws by the Marsaglia polar method. Everything random — targets,
/// observed sets, initial layers — is drawn from one of these, whose seed is printed and recorded.
/// </summary>
public sealed class SeededRandom
{
    private readonly Random _random;
    private double? _spare;

    /// <summary>
    /// A generator whose every draw is determined by <paramref name="seed"/>, in 0 to <see cref="int.MaxValue"/>: the
    /// generator starts from |seed|, so a negative seed would silently repeat another seed's draws (see <c>RunSeed</c>).
    /// </summary>
    public SeededRandom(int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>The seed, printed and recorded with every run.</summary>
    public int Seed { get; }

    /// <summary>Uniform on [0, 1).</summary>
    public double Uniform() => _random.NextDouble();

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Integer(int maxExclusive) => _random.Next(maxExclusive);

    /// <summary>A standard normal draw.</summary>
    public double Normal()
    {
        if (_spare is { } s)
        {
            _spare = null;
            return s;
        }
        double u, v, q;
        do
        {
            u = 2 * _random.NextDouble() - 1;
            v = 2 * _random.NextDouble() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        var f = Math.Sqrt(-2 * Math.Log(q) / q);
        _spare = v * f;
        return u * f;
    }

    /// <summary><paramref name="count"/> distinct integers from [0, n), uniformly (partial Fisher–Yates), in draw order.</summary>
    public int[] Distinct(int n, int count)
    {
        if (count < 0 || count > n) throw new ArgumentOutOfRangeException(nameof(count), $"cannot draw {count} distinct values from {n}");
        var pool = new int[n];
        for (int i = 0; i < n; i++) pool[i] = i;
        for (int i = 0; i < count; i++)
        {
            int j = i + _random.Next(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }
}
