import Dispatch
import RolebookCore
import Synchronization

/// Runs async library code from a synchronous command: the commands are
/// plain `ParsableCommand`s, and the one async step (network I/O) waits here.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws(ToolFailure) -> T) throws(ToolFailure) -> T {
        let box = Mutex<Result<T, ToolFailure>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let result: Result<T, ToolFailure>
            do throws(ToolFailure) {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            box.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        // The task stored a result before signalling.
        return try box.withLock { $0! }.get()
    }
}
