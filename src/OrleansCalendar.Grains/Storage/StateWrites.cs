using System.Runtime.ExceptionServices;
using Orleans.Core;
using Orleans.Storage;

namespace OrleansCalendar.Grains.Storage;

/// <summary>
/// Writes grain state so that memory equals storage afterwards, whatever the write did. A write that throws may
/// still have reached storage (the answer was lost on the way back), so the record is read back: its version tells
/// whether the write landed, and memory becomes what storage holds either way. Only when the read-back fails too is
/// the outcome unknown; then the activation is dropped, and the next call starts from storage. A write refused for its
/// version (<see cref="InconsistentStateException"/>) certainly did not land: another activation wrote the record.
/// </summary>
/// <remarks>
/// This is the one rule every grain follows (docs/grain-consistency.md): memory never claims what storage does not
/// hold, and a caller that compensates (releases a hold, aborts an event) does so only for <see cref="WriteOutcome.NotStored"/>.
/// </remarks>
public static class StateWrites
{
    /// <summary>
    /// Writes the state; see <see cref="StateWrites"/>. <paramref name="reloaded"/> runs when memory was replaced from
    /// storage. <paramref name="isThisWrite"/>, for a record that another activation may write too (a fence,
    /// docs/grain-consistency.md), says whether a new version read back after a failure holds this write's state;
    /// without it, any new version does.
    /// </summary>
    public static Task<WriteAttempt> TryWriteAsync<T>(this IStorage<T> state, IGrainBase grain, Action? reloaded = null, Func<T, bool>? isThisWrite = null) =>
        TryAsync(state, grain, reloaded, isThisWrite, clear: false);

    /// <summary>Clears the state (the record stays, empty, so its version keeps counting); failures as for writes.</summary>
    public static Task<WriteAttempt> TryClearAsync<T>(this IStorage<T> state, IGrainBase grain, Action? reloaded = null) =>
        TryAsync(state, grain, reloaded, isThisWrite: null, clear: true);

    /// <summary>Writes the state and throws the write's own exception unless the state is stored.</summary>
    public static async Task WriteOrReloadAsync<T>(this IStorage<T> state, IGrainBase grain, Action? reloaded = null) =>
        (await state.TryWriteAsync(grain, reloaded)).ThrowIfNotStored();

    /// <summary>Clears the state and throws the clear's own exception unless storage holds the cleared state.</summary>
    public static async Task ClearOrReloadAsync<T>(this IStorage<T> state, IGrainBase grain, Action? reloaded = null) =>
        (await state.TryClearAsync(grain, reloaded)).ThrowIfNotStored();

    private static async Task<WriteAttempt> TryAsync<T>(IStorage<T> state, IGrainBase grain, Action? reloaded, Func<T, bool>? isThisWrite, bool clear)
    {
        var before = (state.Etag, state.RecordExists);
        try
        {
            await (clear ? state.ClearStateAsync() : state.WriteStateAsync());
            return WriteAttempt.Succeeded;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            var thrown = ExceptionDispatchInfo.Capture(failure);
            try
            {
                await state.ReadStateAsync();
            }
            catch (Exception) when (failure is not OutOfMemoryException)
            {
                grain.DeactivateOnIdle();
                return new WriteAttempt(WriteOutcome.Unknown, thrown);
            }

            reloaded?.Invoke();

            // A write refused for its version did not land. Otherwise only this activation writes this record, so a new
            // version is this write; where another activation may fence it, only a new version holding this write's state.
            var landed = failure is not InconsistentStateException
                && (state.Etag != before.Etag || state.RecordExists != before.RecordExists)
                && (isThisWrite?.Invoke(state.State) ?? true);
            return landed ? WriteAttempt.Succeeded : new WriteAttempt(WriteOutcome.NotStored, thrown);
        }
    }
}

/// <summary>The outcome of one write, with the write's exception when it did not certainly land.</summary>
public sealed record WriteAttempt(WriteOutcome Outcome, ExceptionDispatchInfo? Failure)
{
    public static readonly WriteAttempt Succeeded = new(WriteOutcome.Stored, null);

    public bool Stored => Outcome == WriteOutcome.Stored;

    /// <summary>Rethrows the write's exception (with its stack) unless the state is stored.</summary>
    public void ThrowIfNotStored() => Failure?.Throw();
}
