using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Solver.Tests.Testing;

/// <summary>
/// Statements too hard for one short solver call, as test data for timeouts and the watchdog. The solver layer is
/// generic, so the paper's constructions live above it (src/ImplicitReg.Models/Problems); this is the text of the 3x3
/// loss/determinant bound they generate, as one obligation (9 entries, degree 3), far beyond a few hundred ms.
/// </summary>
internal static class HardStatements
{
    public const string ThreeByThreeBoundText =
        "s >= 0 and s^2 = W[1,3]^2 + W[2,2]^2 + W[2,3]^2 + W[3,1]^2 + W[3,2]^2 + (W[1,2] - 1)^2 + (W[2,1] - 1)^2 + (W[3,3] - 1)^2 and s < 1/5 and W[1,1]*W[2,2]*W[3,3] - W[1,1]*W[2,3]*W[3,2] - W[1,2]*W[2,1]*W[3,3] + W[1,2]*W[2,3]*W[3,1] + W[1,3]*W[2,1]*W[3,2] - W[1,3]*W[2,2]*W[3,1] > 0 implies s > 0 and (s^2 + s*(s + 1))*abs(W[1,1]) > -s^3 - 2*s^2*(s + 1) + (-s + 1)^3";

    public static Statement ThreeByThreeBound => Parser.ParseStatement(ThreeByThreeBoundText);
}
