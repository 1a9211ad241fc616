import ArgumentParser
import Glibc
import Tensors

/// `recur bench`: times training steps of the lesson's programs and a larger character model,
/// printing one JSON line per case with the median microseconds per step.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time training steps (forward, loss, backward, optimizer step) of the benchmark cases."
    )

    @Option(help: "Run only the cases whose names contain this text.")
    var filter: String?

    @Option(help: "Scale every case's iteration count by this factor.")
    var scale: Double = 1

    @Option(help: "Where the lesson's programs are, for the seed_lesson_as_written cases.")
    var programs = "Tests/ScriptTests/Programs"

    func run() throws {
        Allocator.tuneForTraining()
        let generator = Generator(seed: 0)
        let cases = [
            try TrainingCase.seed1RNNCell(generator), try TrainingCase.seed2RNN(generator),
            try TrainingCase.seed3Embedding(generator), try TrainingCase.charModel(generator),
        ] + (try TrainingCase.recurrentVariants(generator)) + (try TrainingCase.floorCases(generator))
        for training in cases {
            if let filter, !training.name.contains(filter) { continue }
            let iterations = max(5, Int(Double(training.iterations) * scale))
            // Warm up for at least half a second: caches, the allocator, and OpenBLAS's idle
            // threads, which spin for a while after start-up.
            let warmupEnd = Self.now() + 500_000
            var warmups = 0
            while warmups < max(2, iterations / 10) || Self.now() < warmupEnd {
                try training.step()
                warmups += 1
            }
            var samples: [Double] = []
            samples.reserveCapacity(iterations)
            for _ in 0..<iterations {
                let start = Self.now()
                try training.step()
                samples.append(Self.now() - start)
            }
            samples.sort()
            let median = samples[samples.count / 2]
            let line = "{\"case\": \"\(training.name)\", \"median_us\": \(Self.rounded(median)), \"min_us\": \(Self.rounded(samples[0])), \"p10_us\": \(Self.rounded(samples[samples.count / 10])), \"p90_us\": \(Self.rounded(samples[samples.count * 9 / 10])), \"steps\": \(iterations)}"
            print(line)
        }
        if filter.map(SgemmRate.name.contains) ?? true {
            let rate = try SgemmRate.measure(generator, repetitions: max(5, Int(50 * scale)))
            print("{\"case\": \"\(SgemmRate.name)\", \"median_us\": \(Self.rounded(rate.medianMicroseconds)), \"gflops\": \(Self.rounded(rate.gflops))}")
        }
        if filter.map(TrivialCell.name.contains) ?? true {
            let samples = TrivialCell.samples(max(100, Int(20_000 * scale)))
            print("{\"case\": \"\(TrivialCell.name)\", \"median_us\": \(Self.rounded(samples[samples.count / 2])), \"min_us\": \(Self.rounded(samples[0])), \"p90_us\": \(Self.rounded(samples[samples.count * 9 / 10])), \"cells\": \(samples.count)}")
        }
        for sampling in SamplingCase.all(generator) where filter.map(sampling.name.contains) ?? true {
            let samples = try sampling.samples(max(5, Int(50 * scale)))
            print("{\"case\": \"\(sampling.name)\", \"median_us\": \(Self.rounded(samples[samples.count / 2])), \"min_us\": \(Self.rounded(samples[0])), \"calls\": \(samples.count)}")
        }
        for program in LessonAsWritten.programs {
            guard let lesson = LessonAsWritten(program: program, directory: programs) else { continue }
            if let filter, !lesson.name.contains(filter) { continue }
            _ = lesson.runOnce()
            var samples: [Double] = []
            for _ in 0..<max(3, Int(20 * scale)) {
                if let sample = lesson.runOnce() { samples.append(sample) }
            }
            guard !samples.isEmpty else { continue }
            samples.sort()
            print("{\"case\": \"\(lesson.name)\", \"median_us\": \(Self.rounded(samples[samples.count / 2])), \"epochs\": 15, \"rounds\": \(samples.count)}")
        }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) * 1e6 + Double(ts.tv_nsec) / 1e3
    }

    static func rounded(_ v: Double) -> Double { (v * 10).rounded() / 10 }
}
