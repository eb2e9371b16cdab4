using MathNet.Numerics.LinearAlgebra;

namespace ImplicitReg.Numerics.Optimization;

/// <summary>Whether a first-order solve met its certificate tolerances.</summary>
public enum ConvexSolveStatus
{
    /// <summary>Duality gap and residuals are within the requested tolerances.</summary>
    Converged,
    /// <summary>The iteration limit came first: only the certificate (residuals, gap) may be reported.</summary>
    NotConverged,
}

/// <summary>Raised when a caller asks for the value or solution of a solve that did not converge.</summary>
public sealed class NotConvergedException(string message) : InvalidOperationException(message);

/// <summary>
/// The outcome of a certified matrix solve. It refuses to hand out a value that has not converged:
/// <see cref="Optimum"/> and <see cref="Solution"/> throw <see cref="NotConvergedException"/> (naming the
/// residuals) unless <see cref="Status"/> is <see cref="ConvexSolveStatus.Converged"/>; the certificate is always
/// available, so a caller can report how far a failed solve got.
/// </summary>
public sealed class ConvexSolveResult
{
    private readonly Matrix<double> _solution;
    private readonly Matrix<double> _dual;

    internal ConvexSolveResult(string problem, ConvexSolveStatus status, ConvexCertificate certificate, Matrix<double> solution,
        Matrix<double> dual, ConvexTolerances tolerances, TimeSpan elapsed)
    {
        _dual = dual;
        Problem = problem;
        Status = status;
        Certificate = certificate;
        _solution = solution;
        Tolerances = tolerances;
        Elapsed = elapsed;
    }

    /// <summary>What was solved, e.g. "minimum nuclear norm completion, 100x100, 2000 entries, delta 0.001".</summary>
    public string Problem { get; }
    /// <summary>Whether the solve met its tolerances.</summary>
    public ConvexSolveStatus Status { get; }
    /// <summary>The optimality certificate (always available, also when not converged).</summary>
    public ConvexCertificate Certificate { get; }
    /// <summary>The tolerances the solve was held to.</summary>
    public ConvexTolerances Tolerances { get; }
    /// <summary>Wall-clock time of the solve.</summary>
    public TimeSpan Elapsed { get; }
    /// <summary>True when the status is converged.</summary>
    public bool Converged => Status == ConvexSolveStatus.Converged;

    /// <summary>The certified optimal value (the primal objective at the reported point).</summary>
    public double Optimum => Converged ? Certificate.PrimalObjective : throw Refusal();

    /// <summary>The certified optimal point (a copy).</summary>
    public Matrix<double> Solution => Converged ? _solution.Clone() : throw Refusal();

    /// <summary>
    /// The dual point behind <see cref="ConvexCertificate.DualObjective"/> (a copy), available whether or not the
    /// solve converged, so that anyone can re-check its feasibility and objective independently.
    /// </summary>
    public Matrix<double> DualPoint => _dual.Clone();

    /// <summary>One line: status and certificate.</summary>
    public override string ToString() => $"{Problem}: {(Converged ? "converged" : "NOT converged")}; {Certificate}";

    private NotConvergedException Refusal() => new(
        $"{Problem}: no value is reported because the solve did not converge within {Certificate.Iterations} iterations " +
        $"(required relative gap <= {Tolerances.RelativeGap:E1} and residuals <= {Tolerances.Residual:E1}); {Certificate}. " +
        "Raise the iteration limit or loosen the tolerances.");
}

/// <summary>
/// Stopping rule of the ADMM solvers: converged when the relative duality gap and the relative primal and dual
/// residuals are all below their tolerances; otherwise stop after <see cref="MaxIterations"/> and refuse.
/// </summary>
public sealed record ConvexTolerances
{
    /// <summary>(primal − dual) / max(1, |primal|).</summary>
    public double RelativeGap { get; init; } = 1e-5;
    /// <summary>Residuals relative to the size of the iterates (‖W‖_F for the primal, ‖dual‖_F for the dual).</summary>
    public double Residual { get; init; } = 1e-4;
    /// <summary>Most iterations before the solve gives up and refuses a value.</summary>
    public int MaxIterations { get; init; } = 5000;
    /// <summary>The certificate costs two extra decompositions, so it is evaluated only every few iterations.</summary>
    public int CheckEvery { get; init; } = 10;

    internal void Validate()
    {
        if (!(RelativeGap > 0) || !(Residual > 0))
            throw new ArgumentException($"tolerances must be positive (relative gap {RelativeGap}, residual {Residual})");
        if (MaxIterations < 1 || CheckEvery < 1)
            throw new ArgumentException($"MaxIterations ({MaxIterations}) and CheckEvery ({CheckEvery}) must be at least 1");
    }
}
