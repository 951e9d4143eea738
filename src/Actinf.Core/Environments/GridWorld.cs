using Actinf.Core.Models;
using Actinf.Core.Tensors;

namespace Actinf.Core.Environments;

/// <summary>Moves in a <see cref="GridWorld"/> (control states of its single factor), in pymdp's <c>GridWorldEnv</c> order.</summary>
public enum GridAction
{
    /// <summary>One row up (row - 1); blocked at the top row.</summary>
    Up = 0,

    /// <summary>One column right (column + 1); blocked at the right edge.</summary>
    Right = 1,

    /// <summary>One row down (row + 1); blocked at the bottom row.</summary>
    Down = 2,

    /// <summary>One column left (column - 1); blocked at the left edge.</summary>
    Left = 3,

    /// <summary>Stay in the cell.</summary>
    Stay = 4,
}

/// <summary>
/// An n × n grid world with pymdp's <c>GridWorldEnv</c> dynamics: one hidden-state factor (the cell), one
/// modality that observes the cell exactly, five moves (<see cref="GridAction"/>).
/// </summary>
/// <remarks>
/// <para>Cells are numbered row-major: cell = row · n + column, row 0 at the top. A move into a wall leaves
/// the agent where it is. The dynamics are deterministic; the only random draw is the start cell when
/// none is given (uniform, from the seed).</para>
/// <para><see cref="CreateModel"/> builds the agent's model of the same world (identity A, pymdp's B,
/// preferences falling off with the Manhattan distance to a goal cell); for n = 3 it equals
/// <c>tests/data/bench-models/grid3x3_plen1.json</c> except for the tiny tie-breaking noise in that
/// file's C (see <see cref="CreateModel"/>).</para>
/// </remarks>
public sealed class GridWorld : IGenerativeProcess
{
    /// <summary>Number of moves (control states).</summary>
    public const int NumActions = 5;

    /// <summary>Log-preference lost per step of Manhattan distance from the goal in <see cref="CreateModel"/>.</summary>
    public const double PreferencePerStep = 0.5;

    private static readonly string[] ActionLabels = ["up", "right", "down", "left", "stay"];

    private readonly int[] _counts;
    private readonly int[] _controls = [NumActions];
    private readonly int[] _state = new int[1];
    private readonly int? _startCell;
    private readonly Random _random;
    private bool _started;

    /// <summary>Creates an n × n grid world.</summary>
    /// <param name="size">n, cells per side (at least 2).</param>
    /// <param name="startCell">The cell every episode starts in; null draws it uniformly at each <see cref="Reset"/> (pymdp's default). Default 0, the top-left cell.</param>
    /// <param name="seed">Seed of the random start cell (unused when <paramref name="startCell"/> is given).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 2 or above 1000, or the start cell is outside the grid.</exception>
    public GridWorld(int size, int? startCell = 0, int seed = 0)
    {
        CheckSize(size);
        if (startCell is int start)
        {
            ProcessChecks.CheckIndex(start, size * size, nameof(startCell));
        }

        Size = size;
        _counts = [size * size];
        _startCell = startCell;
        _random = new Random(seed);
    }

    /// <summary>n, cells per side.</summary>
    public int Size { get; }

    /// <summary>The agent's cell now (row-major index).</summary>
    public int Cell => _state[0];

    /// <inheritdoc/>
    public string Name => "grid";

    /// <inheritdoc/>
    public int NumModalities => 1;

    /// <inheritdoc/>
    public int NumFactors => 1;

    /// <inheritdoc/>
    public ReadOnlySpan<int> NumObservations => _counts;

    /// <inheritdoc/>
    public ReadOnlySpan<int> NumStates => _counts;

    /// <inheritdoc/>
    public ReadOnlySpan<int> NumControls => _controls;

    /// <inheritdoc/>
    public ReadOnlySpan<int> State => _state;

    /// <summary>Creates the grid world that a model file describes: n from the model's state count n², start at the cell D is sure of.</summary>
    /// <param name="model">A grid model: one factor of n² states, one modality of n² outcomes, 5 controls.</param>
    /// <param name="seed">Seed of the random start cell, used when D is not a point mass.</param>
    /// <returns>A grid world the model is compatible with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    /// <exception cref="IncompatibleModelException">The model's dimensions are not those of an n × n grid world.</exception>
    public static GridWorld ForModel(GenerativeModel model, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        int cells = model.NumStates[0];
        int size = (int)Math.Round(Math.Sqrt(cells));
        if (model.NumFactors != 1 || size * size != cells || size < 2 || size > 1000)
        {
            throw new IncompatibleModelException(
                $"The model{(model.Name.Length == 0 ? string.Empty : $" '{model.Name}'")} is not an n x n grid world: it has num_states "
                + $"{GenerativeProcessCompatibility.Format(model.NumStates)}; the grid environment needs one factor with a square number of "
                + "states n*n (n >= 2), one modality with n*n outcomes and 5 controls (up, right, down, left, stay).");
        }

        // Start where the agent is sure to start (D one-hot), as the bench files do; otherwise at random.
        ReadOnlySpan<double> d = model.InitialStatePrior[0].Span;
        int start = d.IndexOf(1.0);
        var world = new GridWorld(size, start >= 0 ? start : null, seed);
        GenerativeProcessCompatibility.EnsureCompatible(model, world);
        return world;
    }

    /// <summary>The cell reached from <paramref name="cell"/> by <paramref name="action"/> in an n × n grid (pymdp's <c>GridWorldEnv</c> rule).</summary>
    /// <param name="size">n, cells per side.</param>
    /// <param name="cell">Row-major cell index in <c>[0, n²)</c>.</param>
    /// <param name="action">The move.</param>
    /// <returns>The next cell; the same cell when the move runs into an edge, or for <see cref="GridAction.Stay"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static int NextCell(int size, int cell, GridAction action)
    {
        CheckSize(size);
        ProcessChecks.CheckIndex(cell, size * size, nameof(cell));
        (int row, int column) = Math.DivRem(cell, size);
        return action switch
        {
            GridAction.Up => row == 0 ? cell : cell - size,
            GridAction.Right => column == size - 1 ? cell : cell + 1,
            GridAction.Down => row == size - 1 ? cell : cell + size,
            GridAction.Left => column == 0 ? cell : cell - 1,
            GridAction.Stay => cell,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a grid move (0..4: up, right, down, left, stay)."),
        };
    }

    /// <summary>The default goal of <see cref="CreateModel"/>: row n / 2, column n - 2 (cell 4 for n = 3, 26 for 7, 118 for 15, as in the bench files).</summary>
    /// <param name="size">n, cells per side (at least 2).</param>
    /// <returns>The row-major goal cell.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is below 2 or above 1000.</exception>
    public static int DefaultGoalCell(int size)
    {
        CheckSize(size);
        return ((size / 2) * size) + (size - 2);
    }

    /// <summary>Starts an episode in the start cell (or a uniformly drawn one) and returns its observation.</summary>
    /// <returns>[cell].</returns>
    public int[] Reset()
    {
        _state[0] = _startCell ?? _random.Next(Size * Size);
        _started = true;
        return [_state[0]];
    }

    /// <summary>Moves by <c>action[0]</c> (<see cref="GridAction"/>) and returns the new cell as the observation.</summary>
    /// <param name="action">[move], a value of <see cref="GridAction"/>.</param>
    /// <returns>[cell].</returns>
    /// <exception cref="ArgumentException">Wrong length, or a move out of range.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Reset"/> has not been called yet.</exception>
    public int[] Step(ReadOnlySpan<int> action)
    {
        ProcessChecks.CheckIndices(action, _controls, nameof(action), "action", "factor");
        if (!_started)
        {
            throw new InvalidOperationException("The grid world has no episode yet: call Reset() before Step().");
        }

        _state[0] = NextCell(Size, _state[0], (GridAction)action[0]);
        return [_state[0]];
    }

    /// <inheritdoc/>
    public string DescribeObservation(ReadOnlySpan<int> observation)
    {
        ProcessChecks.CheckIndices(observation, _counts, nameof(observation), "observation", "modality");
        return "at " + DescribeCell(observation[0]);
    }

    /// <inheritdoc/>
    public string DescribeState(ReadOnlySpan<int> state)
    {
        ProcessChecks.CheckIndices(state, _counts, nameof(state), "state", "factor");
        return DescribeCell(state[0]);
    }

    /// <inheritdoc/>
    public string DescribeAction(ReadOnlySpan<int> action)
    {
        ProcessChecks.CheckIndices(action, _controls, nameof(action), "action", "factor");
        return (GridAction)action[0] == GridAction.Stay ? "stay" : "move " + ActionLabels[action[0]];
    }

    /// <inheritdoc/>
    public string ModalityName(int modality)
    {
        ProcessChecks.CheckIndex(modality, 1, nameof(modality));
        return "cell";
    }

    /// <inheritdoc/>
    public string ObservationLabel(int modality, int outcome)
    {
        ProcessChecks.CheckIndex(modality, 1, nameof(modality));
        ProcessChecks.CheckIndex(outcome, Size * Size, nameof(outcome));
        return CellLabel(outcome);
    }

    /// <inheritdoc/>
    public string FactorName(int factor)
    {
        ProcessChecks.CheckIndex(factor, 1, nameof(factor));
        return "cell";
    }

    /// <inheritdoc/>
    public string StateLabel(int factor, int state)
    {
        ProcessChecks.CheckIndex(factor, 1, nameof(factor));
        ProcessChecks.CheckIndex(state, Size * Size, nameof(state));
        return CellLabel(state);
    }

    /// <inheritdoc/>
    public string ControlLabel(int factor, int control)
    {
        ProcessChecks.CheckIndex(factor, 1, nameof(factor));
        ProcessChecks.CheckIndex(control, NumActions, nameof(control));
        return ActionLabels[control];
    }

    /// <summary>
    /// The agent's model of an n × n grid world: A = identity (the cell is observed exactly), B = pymdp's
    /// <c>GridWorldEnv</c> moves, C[s] = -<see cref="PreferencePerStep"/> · (Manhattan distance from s to
    /// the goal), D = the start cell, policies = every sequence of <paramref name="policyLength"/> moves.
    /// </summary>
    /// <param name="size">n, cells per side (at least 2).</param>
    /// <param name="goalCell">The preferred cell; null means <see cref="DefaultGoalCell"/>.</param>
    /// <param name="startCell">The cell D is sure of. Default 0.</param>
    /// <param name="policyLength">T, steps per policy (5^T policies). Default 1.</param>
    /// <returns>
    /// The model. The bench files (grid3x3_plen1.json etc.) add a tie-breaking draw from U[0, 0.05) to every
    /// entry of C; apart from that they equal this model with the default goal.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">A size, cell or policy length is out of range.</exception>
    public static GenerativeModel CreateModel(int size, int? goalCell = null, int startCell = 0, int policyLength = 1)
    {
        CheckSize(size);
        int cells = size * size;
        int goal = goalCell ?? DefaultGoalCell(size);
        ProcessChecks.CheckIndex(goal, cells, nameof(goalCell));
        ProcessChecks.CheckIndex(startCell, cells, nameof(startCell));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(policyLength);

        var identity = new double[cells * cells];
        var moves = new double[cells * cells * NumActions];
        var preferences = new double[cells];
        (int goalRow, int goalColumn) = Math.DivRem(goal, size);
        for (int s = 0; s < cells; s++)
        {
            identity[(s * cells) + s] = 1.0;
            for (int a = 0; a < NumActions; a++)
            {
                int next = NextCell(size, s, (GridAction)a);
                moves[(((next * cells) + s) * NumActions) + a] = 1.0;
            }

            (int row, int column) = Math.DivRem(s, size);
            preferences[s] = -PreferencePerStep * (Math.Abs(row - goalRow) + Math.Abs(column - goalColumn));
        }

        var initial = new double[cells];
        initial[startCell] = 1.0;
        return new GenerativeModel(
            [new Tensor([cells, cells], identity)],
            [new Tensor([cells, cells, NumActions], moves)],
            [Tensor.Vector(preferences)],
            [Tensor.Vector(initial)],
            policies: PolicySet.AllCombinations([NumActions], policyLength),
            name: $"grid{size}x{size}_plen{policyLength}");
    }

    private string CellLabel(int cell)
    {
        (int row, int column) = Math.DivRem(cell, Size);
        return $"({row},{column})";
    }

    private string DescribeCell(int cell)
    {
        (int row, int column) = Math.DivRem(cell, Size);
        return $"cell {cell} (row {row}, column {column})";
    }

    private static void CheckSize(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 1000);
    }
}
