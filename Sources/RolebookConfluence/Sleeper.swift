/// Waits between retries. Injected so tests check the delays the client
/// asks for (honouring `Retry-After`) without waiting for them.
public protocol Sleeper: Sendable {
    func sleep(seconds: Double) async throws
}

/// The real sleeper: `Task.sleep`.
public struct TaskSleeper: Sleeper {
    public init() {}

    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
