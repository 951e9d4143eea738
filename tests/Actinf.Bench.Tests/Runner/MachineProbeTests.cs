using Actinf.Bench.Results;
using Actinf.Bench.Runner;

namespace Actinf.Bench.Tests.Runner;

public class MachineProbeTests
{
    [Fact]
    public void Current_ThisMachine_FillsEveryField()
    {
        MachineInfo machine = MachineProbe.Current();

        Assert.True(machine.Cores > 0);
        Assert.False(string.IsNullOrWhiteSpace(machine.CpuModel));
        Assert.True(machine.MemoryBytes > 0);
        Assert.False(string.IsNullOrWhiteSpace(machine.Os));
        Assert.Equal(Environment.Version.ToString(), machine.Dotnet);
    }

    [Theory]
    [InlineData("processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu\n", "AMD EPYC 7B13")]
    [InlineData("processor\t: 0\nBogoMIPS\t: 50.00\nModel\t: Raspberry Pi 4 Model B Rev 1.4\n", "Raspberry Pi 4 Model B Rev 1.4")]
    [InlineData("processor\t: 0\n", null)]
    [InlineData(null, null)]
    public void CpuModel_CpuinfoText_IsTheModelName(string? cpuinfo, string? expected)
    {
        Assert.Equal(expected, MachineProbe.CpuModel(cpuinfo));
    }

    [Theory]
    [InlineData("MemTotal:       24683620 kB\nMemFree:  1 kB\n", 24683620L * 1024)]
    [InlineData("MemFree:  1 kB\n", null)]
    [InlineData(null, null)]
    public void MemoryBytes_MeminfoText_IsMemTotalInBytes(string? meminfo, long? expected)
    {
        Assert.Equal(expected, MachineProbe.MemoryBytes(meminfo));
    }

    [Theory]
    [InlineData("NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n", "Linux 6.1", "6.18.44\n", "Debian GNU/Linux 12 (bookworm), kernel 6.18.44")]
    [InlineData(null, "Darwin 23.1.0", null, "Darwin 23.1.0")]
    [InlineData(null, "Linux 6.18.44 #1 SMP", "6.18.44", "Linux 6.18.44 #1 SMP")]
    public void OperatingSystem_Files_NameTheDistributionAndKernel(string? osRelease, string description, string? kernel, string expected)
    {
        Assert.Equal(expected, MachineProbe.OperatingSystem(osRelease, description, kernel));
    }
}
