namespace Actinf.Core.Environments;

/// <summary>Where the agent is in the T-maze (states of factor 0, outcomes of modality 0, and the control states of factor 0).</summary>
public enum TMazeLocation
{
    /// <summary>The start, at the junction of the T.</summary>
    Center = 0,

    /// <summary>The left arm: rewarded in context <see cref="TMazeContext.RewardOnLeft"/>.</summary>
    LeftArm = 1,

    /// <summary>The right arm: rewarded in context <see cref="TMazeContext.RewardOnRight"/>.</summary>
    RightArm = 2,

    /// <summary>The bottom arm, where the cue shows which arm is rewarded.</summary>
    CueLocation = 3,
}

/// <summary>Which arm holds the reward in this trial (states of factor 1; fixed during a trial).</summary>
public enum TMazeContext
{
    /// <summary>The left arm is rewarded (with the reward probability), the right arm gives a loss.</summary>
    RewardOnLeft = 0,

    /// <summary>The right arm is rewarded, the left arm gives a loss.</summary>
    RewardOnRight = 1,
}

/// <summary>Outcomes of the reward modality (modality 1).</summary>
public enum TMazeReward
{
    /// <summary>Nothing: always the outcome at the center and at the cue location.</summary>
    None = 0,

    /// <summary>A reward (preferred: log-preference +3 by default).</summary>
    Reward = 1,

    /// <summary>A loss (avoided: log-preference -3 by default).</summary>
    Loss = 2,
}

/// <summary>Outcomes of the cue modality (modality 2).</summary>
public enum TMazeCue
{
    /// <summary>The cue points to the left arm.</summary>
    Left = 0,

    /// <summary>The cue points to the right arm.</summary>
    Right = 1,
}
