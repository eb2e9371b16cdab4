using ImplicitReg.Cli.Hosting;
using ImplicitReg.Solver.Certificates;

namespace ImplicitReg.Cli.Verbs.Prove;

/// <summary>Writes the certificates of <see cref="CertificateSet"/>; a file that cannot be written is bad input (exit 2).</summary>
internal static class CertificateFiles
{
    public static IReadOnlyList<string> Write(IReadOnlyList<CertificateFile> files)
    {
        foreach (var f in files)
        {
            try
            {
                File.WriteAllText(f.Path, f.Text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliUsageException($"cannot write the certificate '{f.Path}': {CliInput.Reason(f.Path, e)}");
            }
        }
        return files.Select(f => f.Path).ToList();
    }
}
