namespace PortalApp.Features.Passwords;

/// <summary>
/// The checklist state for one password field as it is typed. <see cref="Update"/> re-runs the cheap rules at once;
/// the zxcvbn estimate follows on the thread pool, at most one at a time, always for the latest input, and a
/// result for input that has since changed is dropped. <see cref="Changed"/> fires (off the render thread) when an
/// estimate lands.
/// </summary>
internal sealed class LivePasswordCheck : IDisposable
{
    private readonly PasswordPolicy policy;
    private readonly Lock gate = new();
    private string password = "";
    private PasswordContext context = PasswordContext.None;
    private long version;
    private bool estimating;
    private bool disposed;
    private PasswordStrength? lastStrength;

    public LivePasswordCheck(PasswordPolicy policy)
    {
        this.policy = policy;
        Evaluation = policy.EvaluateRules("", context);
    }

    public event Action? Changed;

    public PasswordEvaluation Evaluation { get; private set; }

    /// <summary>True while the strength shown is for an earlier input.</summary>
    public bool IsEstimating
    {
        get
        {
            lock (gate)
            {
                return estimating;
            }
        }
    }

    /// <summary>The estimate task currently running, if any (lets tests wait without sleeping).</summary>
    public Task Estimation { get; private set; } = Task.CompletedTask;

    public void Update(string? newPassword, PasswordContext newContext)
    {
        newPassword ??= "";
        lock (gate)
        {
            if (disposed || (newPassword == password && newContext == context))
            {
                return;
            }

            password = newPassword;
            context = newContext;
            version++;

            // Until the new estimate lands, keep the last one: the not-common rule and the meter then move once,
            // instead of flickering back to "list only" on every keystroke.
            var strength = password.Length == 0 ? null : lastStrength;
            Evaluation = policy.EvaluateRules(password, context, strength);
            if (password.Length == 0)
            {
                lastStrength = null;
                return;
            }

            if (!estimating)
            {
                estimating = true;
                Estimation = Task.Run(EstimateLatest);
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
        }
    }

    private void EstimateLatest()
    {
        while (true)
        {
            string current;
            PasswordContext currentContext;
            long currentVersion;
            lock (gate)
            {
                if (disposed || password.Length == 0)
                {
                    estimating = false;
                    return;
                }

                (current, currentContext, currentVersion) = (password, context, version);
            }

            PasswordStrength strength;
            try
            {
                strength = policy.EstimateStrength(current, currentContext);
            }
            catch
            {
                lock (gate)
                {
                    estimating = false;
                }

                throw;
            }

            lock (gate)
            {
                if (disposed)
                {
                    estimating = false;
                    return;
                }

                if (currentVersion != version)
                {
                    continue;
                }

                lastStrength = strength;
                Evaluation = policy.EvaluateRules(current, currentContext, strength);
                estimating = false;
            }

            Changed?.Invoke();
            return;
        }
    }
}
