using ImplicitReg.Cli.Hosting;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Cli.Verbs.Prove;

/// <summary>Writes one SMT-LIB2 certificate per case: <c>FILE</c> for one case, <c>FILE-caseK.ext</c> for several.</summary>
internal static class CertificateFiles
{
    public static IReadOnlyList<string> Write(string path, IReadOnlyList<LoweredProblem> cases, Statement original)
    {
        var written = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var file = cases.Count == 1 ? path : CaseName(path, i + 1);
            try
            {
                File.WriteAllText(file, SmtLibCertificate.Write(cases[i], original));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliUsageException($"cannot write the certificate '{file}': {e.Message}");
            }
            written.Add(file);
        }
        return written;
    }

    private static string CaseName(string path, int k)
    {
        var ext = Path.GetExtension(path);
        var stem = ext.Length > 0 ? path[..^ext.Length] : path;
        return $"{stem}-case{k}{(ext.Length > 0 ? ext : ".smt2")}";
    }
}
