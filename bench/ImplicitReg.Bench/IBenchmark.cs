namespace ImplicitReg.Bench;

/// <summary>
/// One side-by-side benchmark: it measures our implementation and a peer (SymPy, NumPy, SciPy) on the
/// same job in one run and reports medians and the ratio. Found by reflection; add a file to add one.
/// </summary>
public interface IBenchmark
{
    /// <summary>Name used on the command line: <c>bench/run.sh NAME</c>.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Runs the benchmark, writes a human-readable report to <paramref name="output"/>; returns 0 on success.</summary>
    int Run(string[] args, TextWriter output);
}
