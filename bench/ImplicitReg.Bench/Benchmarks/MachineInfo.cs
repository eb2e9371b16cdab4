using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ImplicitReg.Numerics.LinearAlgebra.Backends;

namespace ImplicitReg.Bench.Benchmarks;

/// <summary>
/// The header of every benchmark, printed once by Program before it runs: CPU model, cores, load, .NET version, the
/// instruction sets .NET uses here, the knobs that change the code paths (AVX-512 on or off in .NET, OpenBLAS's
/// kernel family) and our linear-algebra backend. A benchmark does not print a machine line of its own.
/// </summary>
internal static class MachineInfo
{
    private static readonly string[] Knobs =
        ["DOTNET_EnableAVX512", "DOTNET_EnableAVX512F", "DOTNET_PreferredVectorBitWidth", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS",
         LinearAlgebraBackend.SelectionVariable];

    public static void Write(TextWriter output)
    {
        output.WriteLine($"machine: {CpuModel()}, {Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}");
        output.WriteLine($"  instruction sets used by .NET: {InstructionSets()}; Vector<double> has {Vector<double>.Count} lanes; width-generic kernels (sparse products, managed product) at {ImplicitReg.Numerics.LinearAlgebra.RegisterWidths.Widest} bits");
        var set = Knobs.Select(k => (k, v: Environment.GetEnvironmentVariable(k))).Where(kv => kv.v is not null).Select(kv => $"{kv.k}={kv.v}").ToList();
        output.WriteLine($"  settings: {(set.Count == 0 ? "none" : string.Join(" ", set))}");
        var backend = LinearAlgebraBackend.Default;
        var blas = OpenBlasLibrary.Probe();
        output.WriteLine($"  linear algebra: {backend.Description}{(backend.IsNative ? $"; {blas.Message}" : "")}");
    }

    private static string InstructionSets()
    {
        var sets = new List<string>();
        if (Avx2.IsSupported) sets.Add("AVX2");
        if (Fma.IsSupported) sets.Add("FMA");
        if (Bmi2.IsSupported) sets.Add("BMI2");
        if (Avx512F.IsSupported) sets.Add("AVX-512F");
        if (Vector512.IsHardwareAccelerated) sets.Add("Vector512");
        if (System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported) sets.Add("AdvSIMD");
        return sets.Count == 0 ? "none beyond SSE" : string.Join(", ", sets);
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            var flags = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) ?? "";
            var hw = flags.Contains(" avx512f", StringComparison.Ordinal) ? "AVX-512 in hardware" : flags.Contains(" avx2", StringComparison.Ordinal) ? "AVX2 in hardware" : "";
            return $"{line?.Split(':', 2)[1].Trim() ?? "unknown CPU"}{(hw.Length > 0 ? $" ({hw})" : "")}";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
