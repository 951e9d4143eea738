using Actinf.Epistemic;
using Actinf.Epistemic.Errors;
using Actinf.Epistemic.State;
using Actinf.Server.Stores;
using Microsoft.Extensions.Logging;

namespace Actinf.Server.Sessions;

/// <summary>
/// Persists the engine-level learned state that all sessions share (issue #4): loads it when the server starts,
/// saves the feedback statistics with every rating, and checkpoints the model weights.
/// </summary>
/// <remarks>
/// <para>
/// Policy. Feedback statistics are a few hundred bytes: <see cref="SaveFeedbackAsync"/> stores them durably before
/// the <c>feedback</c> reply. The weights are ~400 KB and change with every belief update, so they are checkpointed:
/// after <see cref="EngineCheckpointOptions.EveryObservations"/> learning steps (checked after each <c>observe</c>,
/// saved in the background), by a timer every <see cref="EngineCheckpointOptions.Interval"/> when they changed, and
/// at shutdown (<see cref="Dispose"/>, which also saves the statistics once more). A kill -9 loses at most the
/// learning since the last checkpoint.
/// </para>
/// <para>
/// Ordering. Each part has its own lock held from the export to the end of the write, so a later save never
/// overwrites a newer state with an older one. The export itself is a consistent snapshot (the engine copies the
/// weights under the model's lock and the statistics under the reveal model's lock).
/// </para>
/// </remarks>
public sealed partial class EngineStateKeeper : IDisposable
{
    private readonly ActiveInferenceEngine _engine;
    private readonly IEngineStateStore _store;
    private readonly EngineCheckpointOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<EngineStateKeeper> _log;
    private readonly SemaphoreSlim _feedbackGate = new(1, 1);
    private readonly SemaphoreSlim _weightsGate = new(1, 1);
    private readonly ITimer _timer;
    private long _checkpointedSteps;
    private long _checkpoints;
    private int _backgroundRunning;
    private Task _background = Task.CompletedTask;
    private bool _disposed;

    /// <summary>Creates the keeper and loads the stored state into <paramref name="engine"/> (before any session is used).</summary>
    /// <param name="engine">The engine (fresh: no session uses it yet).</param>
    /// <param name="store">The engine-state store.</param>
    /// <param name="options">The checkpoint policy (validated here).</param>
    /// <param name="time">Clock of the checkpoint timer and the record stamps.</param>
    /// <param name="log">Logger (stderr).</param>
    /// <exception cref="InvalidOperationException">A stored part cannot be imported (other model sizes, corrupt data); the message names the part, the problem and the fix.</exception>
    public EngineStateKeeper(ActiveInferenceEngine engine, IEngineStateStore store, EngineCheckpointOptions options, TimeProvider time, ILogger<EngineStateKeeper> log)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        _engine = engine;
        _store = store;
        _options = options;
        _time = time;
        _log = log;

        // Start-up runs once, before the transport accepts calls, so blocking here is fine (SQLite reads are synchronous anyway).
        Load(EngineStateParts.FeedbackStatistics);
        Load(EngineStateParts.ModelWeights);
        _checkpointedSteps = engine.Model.LearningSteps;
        _timer = time.CreateTimer(_ => StartBackgroundCheckpoint(), null, options.Interval, options.Interval);
    }

    /// <summary>Weight checkpoints written since the start.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>The model's learning-step count at the last weight checkpoint (or at the load).</summary>
    public long CheckpointedSteps => Interlocked.Read(ref _checkpointedSteps);

    /// <summary>Stores the feedback statistics durably; call it after a rating and before replying.</summary>
    /// <param name="cancellationToken">Cancels waiting for an earlier save (not the write once started).</param>
    /// <returns>A task that completes when the statistics are durable.</returns>
    public async Task SaveFeedbackAsync(CancellationToken cancellationToken = default)
    {
        await _feedbackGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string state = _engine.ExportStateJson(EngineStateParts.FeedbackStatistics);
            await _store.SaveAsync(new EngineStateRecord(EngineStateParts.FeedbackStatistics, _time.GetUtcNow(), state), CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _feedbackGate.Release();
        }
    }

    /// <summary>
    /// Call after each belief update: starts a background weight checkpoint once
    /// <see cref="EngineCheckpointOptions.EveryObservations"/> learning steps have accumulated. Does not wait for it.
    /// </summary>
    public void NoteObservation()
    {
        if (_engine.Model.LearningSteps - Interlocked.Read(ref _checkpointedSteps) >= _options.EveryObservations)
        {
            StartBackgroundCheckpoint();
        }
    }

    /// <summary>Checkpoints the weights now if they changed since the last checkpoint.</summary>
    /// <param name="cancellationToken">Cancels waiting for a checkpoint in progress (not the write once started).</param>
    /// <returns>Whether a checkpoint was written.</returns>
    public async Task<bool> CheckpointWeightsAsync(CancellationToken cancellationToken = default)
    {
        await _weightsGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_engine.Model.LearningSteps == Interlocked.Read(ref _checkpointedSteps))
            {
                return false;
            }

            EngineState state = _engine.ExportState(EngineStateParts.ModelWeights);
            string json = EngineStateJson.Serialize(state);
            await _store.SaveAsync(new EngineStateRecord(EngineStateParts.ModelWeights, _time.GetUtcNow(), json), CancellationToken.None).ConfigureAwait(false);
            Interlocked.Exchange(ref _checkpointedSteps, state.Model!.LearningSteps);
            Interlocked.Increment(ref _checkpoints);
            LogCheckpoint(state.Model.LearningSteps, json.Length);
            return true;
        }
        finally
        {
            _weightsGate.Release();
        }
    }

    /// <summary>Waits for a background checkpoint in progress (tests, shutdown).</summary>
    /// <returns>A task that completes when no background checkpoint runs.</returns>
    public Task WaitForBackgroundAsync() => Volatile.Read(ref _background);

    /// <summary>Stops the timer, waits for a background checkpoint and writes the final one (shutdown).</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _timer.Dispose();
        try
        {
            // Synchronous on purpose: the host disposes services synchronously at shutdown.
            WaitForBackgroundAsync().GetAwaiter().GetResult();
            CheckpointWeightsAsync().GetAwaiter().GetResult();

            // Normally already stored by the last feedback call; this covers a save that failed after its rating.
            SaveFeedbackAsync().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogCheckpointFailed(ex);
        }

        _feedbackGate.Dispose();
        _weightsGate.Dispose();
    }

    private void Load(EngineStateParts part)
    {
        EngineStateRecord? record = _store.LoadAsync(part).GetAwaiter().GetResult();
        if (record is null)
        {
            return;
        }

        try
        {
            _engine.ImportStateJson(record.State);
        }
        catch (ActiveInferenceException ex)
        {
            throw new InvalidOperationException(
                $"The stored engine state '{part}' (saved {record.UpdatedAt:O}) cannot be loaded: {ex.Message} Start with the same engine settings, or delete that row of the engine_state table to start this part from its defaults.",
                ex);
        }

        LogLoaded(part, record.UpdatedAt);
    }

    private void StartBackgroundCheckpoint()
    {
        if (_disposed || Interlocked.CompareExchange(ref _backgroundRunning, 1, 0) != 0)
        {
            return;
        }

        Volatile.Write(ref _background, Task.Run(async () =>
        {
            try
            {
                await CheckpointWeightsAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The next trigger retries; the previous checkpoint stays in the store.
                LogCheckpointFailed(ex);
            }
            finally
            {
                Volatile.Write(ref _backgroundRunning, 0);
            }
        }));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded the engine's {Part} (saved {UpdatedAt}) from the store.")]
    private partial void LogLoaded(EngineStateParts part, DateTimeOffset updatedAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Checkpointed the model weights at learning step {Steps} ({Characters} characters).")]
    private partial void LogCheckpoint(long steps, int characters);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkpointing the model weights failed; the previous checkpoint stays in the store.")]
    private partial void LogCheckpointFailed(Exception exception);
}
