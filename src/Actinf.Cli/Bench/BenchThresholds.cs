using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;
using Actinf.Bench.Analysis;

namespace Actinf.Cli.Bench;

/// <summary>
/// The threshold options shared by <c>bench compare</c>, <c>gate</c> and <c>report</c>: <c>--warn</c>,
/// <c>--fail</c>, <c>--alpha</c>, and for the gate <c>--min-hit-rate</c> and <c>--max-alloc</c>; with range
/// checks that name the option.
/// </summary>
internal sealed class BenchThresholds
{
    private BenchThresholds(bool gate)
    {
        Warn = new Option<double>("--warn")
        {
            Description = "Change of the median (%) from which a significant regression is a warning (moderate).",
            HelpName = "PERCENT",
            DefaultValueFactory = _ => ComparisonOptions.DefaultWarnPercent,
        };
        Fail = new Option<double>("--fail")
        {
            Description = "Change of the median (%) above which a significant regression fails (severe).",
            HelpName = "PERCENT",
            DefaultValueFactory = _ => ComparisonOptions.DefaultFailPercent,
        };
        Alpha = new Option<double>("--alpha")
        {
            Description = "Significance level of the two-sided Mann-Whitney U test; a change with p >= alpha is noise.",
            HelpName = "P",
            DefaultValueFactory = _ => ComparisonOptions.DefaultAlpha,
        };
        Warn.Validators.Add(r => Check(r, v => v > 0 && double.IsFinite(v), "--warn must be a positive percentage, e.g. 10"));
        Fail.Validators.Add(r => Check(r, v => v > 0 && double.IsFinite(v), "--fail must be a positive percentage, e.g. 25"));
        Alpha.Validators.Add(r => Check(r, v => v is > 0 and < 1, "--alpha must lie strictly between 0 and 1, e.g. 0.01"));
        if (gate)
        {
            MinHitRate = new Option<double>("--min-hit-rate")
            {
                Description = "Lowest acceptable hit_rate metric (0..1) of any benchmark that reports one.",
                HelpName = "FRACTION",
                DefaultValueFactory = _ => GateOptions.DefaultMinHitRate,
            };
            MaxAlloc = new Option<double?>("--max-alloc")
            {
                Description = "Highest acceptable allocated bytes per operation (0 demands allocation-free code). Default: no limit.",
                HelpName = "BYTES",
            };
            MinHitRate.Validators.Add(r => Check(r, v => v is >= 0 and <= 1, "--min-hit-rate is a fraction between 0 and 1, e.g. 0.2 for 20%"));
            MaxAlloc.Validators.Add(r =>
            {
                if (r.Tokens.Count > 0 && r.GetValueOrDefault<double?>() is double v && !(v >= 0))
                {
                    r.AddError($"--max-alloc must be 0 or more bytes per operation; got {r.Tokens[^1].Value}.");
                }
            });
        }
    }

    /// <summary><c>--warn PERCENT</c>.</summary>
    public Option<double> Warn { get; }

    /// <summary><c>--fail PERCENT</c>.</summary>
    public Option<double> Fail { get; }

    /// <summary><c>--alpha P</c>.</summary>
    public Option<double> Alpha { get; }

    /// <summary><c>--min-hit-rate FRACTION</c>; null unless created for the gate.</summary>
    public Option<double>? MinHitRate { get; }

    /// <summary><c>--max-alloc BYTES</c>; null unless created for the gate.</summary>
    public Option<double?>? MaxAlloc { get; }

    /// <summary>The comparison options only (<c>bench compare</c>).</summary>
    public static BenchThresholds ForComparison() => new(gate: false);

    /// <summary>All options, the gate's included (<c>bench gate</c>, <c>bench report</c>).</summary>
    public static BenchThresholds ForGate() => new(gate: true);

    /// <summary>Adds the options, and a check that --fail is at least --warn, to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Warn);
        command.Options.Add(Fail);
        command.Options.Add(Alpha);
        if (MinHitRate is not null && MaxAlloc is not null)
        {
            command.Options.Add(MinHitRate);
            command.Options.Add(MaxAlloc);
        }

        command.Validators.Add(result =>
        {
            // Read the tokens: inside a command validator an option that was not given has no value yet.
            if (Given(result.GetResult(Warn), ComparisonOptions.DefaultWarnPercent) is double warn
                && Given(result.GetResult(Fail), ComparisonOptions.DefaultFailPercent) is double fail
                && fail < warn)
            {
                result.AddError($"--fail ({DisplayFormat.Number(fail)}) must be at least --warn ({DisplayFormat.Number(warn)}).");
            }
        });
    }

    /// <summary>The comparison thresholds given on the command line.</summary>
    public ComparisonOptions Comparison(ParseResult parse) => new()
    {
        WarnPercent = parse.GetValue(Warn),
        FailPercent = parse.GetValue(Fail),
        Alpha = parse.GetValue(Alpha),
    };

    /// <summary>The gate thresholds given on the command line.</summary>
    public GateOptions Gate(ParseResult parse) => new()
    {
        Comparison = Comparison(parse),
        MinHitRate = MinHitRate is null ? GateOptions.DefaultMinHitRate : parse.GetValue(MinHitRate),
        MaxAllocatedBytesPerOp = MaxAlloc is null ? null : parse.GetValue(MaxAlloc),
    };

    // The option's value from its last token, the default when it was not given, null when unparsable (the parser reports that).
    private static double? Given(SymbolResult? result, double defaultValue) =>
        result is not OptionResult { Tokens.Count: > 0 } option ? defaultValue
        : double.TryParse(option.Tokens[^1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value
        : null;

    // Range check that leaves unparsable text to the parser's own error (GetValue would throw there).
    private static void Check(OptionResult result, Func<double, bool> valid, string message)
    {
        if (result.Tokens.Count == 0)
        {
            return;
        }

        double value;
        try
        {
            value = result.GetValueOrDefault<double>();
        }
        catch (InvalidOperationException)
        {
            return;
        }

        if (!valid(value))
        {
            result.AddError($"{message}; got {result.Tokens[^1].Value}.");
        }
    }
}
