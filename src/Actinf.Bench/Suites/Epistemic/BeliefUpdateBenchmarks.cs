using Actinf.Epistemic.Beliefs;
using Actinf.Epistemic.Configuration;
using Actinf.Epistemic.Inference;
using Actinf.Epistemic.Model;
using BenchmarkDotNet.Attributes;

namespace Actinf.Bench.Suites.Epistemic;

/// <summary>
/// One belief update on the default hierarchy (1536, 768, 384, 192, 96; 16 blocks per W_l), weight learning
/// included: the seed 004 budget is 5 ms; the target 0.5 ms. Per-call latencies (P50, P99) under
/// <see cref="PerCallLatencyConfig"/>.
/// </summary>
/// <remarks>
/// The observations cycle through eight questions in two domains (hashed n-gram embeddings), so the updates
/// mix consistent and surprising inputs. <see cref="ConnectionGroups"/> = 1 times the dense weights for comparison.
/// Run: <c>dotnet run -c Release --project src/Actinf.Bench -- --filter '*BeliefUpdateBenchmarks*'</c>.
/// </remarks>
[MemoryDiagnoser]
[BenchmarkCategory("epistemic")]
[Config(typeof(PerCallLatencyConfig))]
public class BeliefUpdateBenchmarks : IDisposable
{
    private HierarchicalGenerativeModel? _model;
    private BeliefUpdater? _updater;
    private HierarchicalBeliefs? _beliefs;
    private BeliefUpdateTrace? _trace;
    private float[][] _observations = [];
    private int _cursor;

    /// <summary>Blocks per weight matrix: 16 (the default) or 1 (dense).</summary>
    [Params(16, 1)]
    public int ConnectionGroups { get; set; } = 16;

    /// <summary>How long <see cref="Setup"/> keeps updating before measurement (<see cref="JitWarmup"/>); tests shorten it.</summary>
    internal TimeSpan WarmupTime { get; set; } = JitWarmup.DefaultDuration;

    /// <summary>Builds the model (seed 12345) and updates for <see cref="WarmupTime"/> (at least 16 updates), so the measured calls run optimised code.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var options = new GenerativeModelOptions { ConnectionGroups = ConnectionGroups };
        _model = new HierarchicalGenerativeModel(options);
        _updater = new BeliefUpdater(new BeliefUpdaterOptions());
        _beliefs = new HierarchicalBeliefs(options.LayerDimensions, options.LayerPrecisions[0]);
        _trace = new BeliefUpdateTrace(10);
        _observations = EpistemicWorkload.Embeddings(options.LayerDimensions[0]);
        for (int i = 0; i < 16; i++)
        {
            Update();
        }

        JitWarmup.Run(() => Update(), WarmupTime);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the model and updater.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _model?.Dispose();
        _updater?.Dispose();
    }

    /// <summary>One belief update (descent, precision update, weight learning) on the next observation.</summary>
    /// <returns>The iterations used.</returns>
    [Benchmark]
    public int Update()
    {
        float[] o = _observations[_cursor];
        _cursor = (_cursor + 1) % _observations.Length;
        return _updater!.Update(_beliefs!, o, _model!, 1f, TimeSpan.FromSeconds(1), TimeProvider.System, _trace).Iterations;
    }
}
