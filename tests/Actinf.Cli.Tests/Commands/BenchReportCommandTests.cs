using Actinf.Bench.Reports;
using Actinf.Cli.Bench;

namespace Actinf.Cli.Tests.Commands;

public sealed class BenchReportCommandTests : IDisposable
{
    private readonly BenchResultFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Run_WithoutChartTools_WritesBothReportsAndWarnsOnStderr()
    {
        string output = Path.Combine(_files.Directory, "report");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var writer = new ReportWriterOptions { ToolsDirectory = Path.Combine(_files.Directory, "no-tools"), InstallTools = false };

        int code = BenchReportCommand.Run(BenchResultFiles.DataDirectory, null, output, new ReportOptions(), writer, stdout, stderr);

        Assert.True(code == 0, stderr.ToString());
        Assert.StartsWith("FAIL: 1 severe regression", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"wrote {Path.Combine(output, "report.md")}", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("warning: HTML report without charts:", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("warning: Chart images not rendered:", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains(HtmlReport.ChartsMissingMarker, File.ReadAllText(Path.Combine(output, "report.html")), StringComparison.Ordinal);
        Assert.Contains("from " + Path.Combine(BenchResultFiles.DataDirectory, "baseline.json"), File.ReadAllText(Path.Combine(output, "report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoImages_ParsesAndWrites()
    {
        string output = Path.Combine(_files.Directory, "out");

        (int code, string stdout, string stderr) = BenchResultFiles.Invoke(
            BenchReportCommand.Create(),
            "report", "--history", BenchResultFiles.DataDirectory, "--out", output, "--no-images", "--tools", Path.Combine(_files.Directory, "none"), "--fail", "40", "--min-hit-rate", "0.1");

        Assert.True(code == 0, stderr);
        Assert.StartsWith("WARN: 2 moderate regressions", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "report.md")));
        Assert.True(File.Exists(Path.Combine(output, "report.html")));
    }

    [Fact]
    public void Run_MissingHistory_Fails()
    {
        using var stderr = new StringWriter();

        int code = BenchReportCommand.Run(Path.Combine(_files.Directory, "none"), null, _files.Directory, new ReportOptions(), new ReportWriterOptions(), TextWriter.Null, stderr);

        Assert.Equal(1, code);
        Assert.Contains("no such results folder", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EmptyHistory_Fails()
    {
        using var stderr = new StringWriter();

        int code = BenchReportCommand.Run(_files.Directory, null, Path.Combine(_files.Directory, "r"), new ReportOptions(), new ReportWriterOptions(), TextWriter.Null, stderr);

        Assert.Equal(1, code);
        Assert.Contains("has no result files", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingBaseline_Fails()
    {
        using var stderr = new StringWriter();
        string missing = Path.Combine(_files.Directory, "base.json");

        int code = BenchReportCommand.Run(BenchResultFiles.DataDirectory, missing, Path.Combine(_files.Directory, "r"), new ReportOptions(), new ReportWriterOptions(), TextWriter.Null, stderr);

        Assert.Equal(1, code);
        Assert.Contains($"error: baseline {missing}: file not found.", stderr.ToString(), StringComparison.Ordinal);
    }
}
