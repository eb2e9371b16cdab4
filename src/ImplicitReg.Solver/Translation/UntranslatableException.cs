namespace ImplicitReg.Solver.Translation;

/// <summary>
/// A statement outside what the solver can decide exactly (exp, log, sin, cos, symbolic exponents): refused
/// with a clear message (exit 2), never approximated.
/// </summary>
public sealed class UntranslatableException(string message) : Exception(message);
