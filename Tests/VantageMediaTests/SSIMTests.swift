import Foundation
import Testing
@testable import VantageMedia

struct SSIMTests {
    /// Direct SSIM: for every window wholly inside the image, weighted means, variances and
    /// covariance over the full 11×11 window in Double, per channel, averaged.
    static func referenceSSIM(_ a: RGBImage, _ b: RGBImage) -> Double {
        let side = ImageMetrics.ssimWindowSide
        let weights = ImageMetrics.ssimWeights.map(Double.init)
        var total = 0.0, count = 0
        for channel in 0..<3 {
            for top in 0...(a.height - side) {
                for left in 0...(a.width - side) {
                    var mx = 0.0, my = 0.0, mxx = 0.0, myy = 0.0, mxy = 0.0
                    for dy in 0..<side {
                        for dx in 0..<side {
                            let w = weights[dy] * weights[dx]
                            let index = ((top + dy) * a.width + left + dx) * 3 + channel
                            let x = Double(a.pixels[index]), y = Double(b.pixels[index])
                            mx += w * x; my += w * y; mxx += w * x * x; myy += w * y * y; mxy += w * x * y
                        }
                    }
                    let vx = mxx - mx * mx, vy = myy - my * my, cxy = mxy - mx * my
                    total += (2 * mx * my + ImageMetrics.ssimC1) * (2 * cxy + ImageMetrics.ssimC2)
                        / ((mx * mx + my * my + ImageMetrics.ssimC1) * (vx + vy + ImageMetrics.ssimC2))
                    count += 1
                }
            }
        }
        return total / Double(count)
    }

    /// `image` with uniform noise of ±`amplitude` levels added (seeded, deterministic).
    static func noisy(_ image: RGBImage, amplitude: Int, seed: UInt64) -> RGBImage {
        var state = seed
        var copy = image
        for index in copy.pixels.indices {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let noise = Int(state >> 33) % (2 * amplitude + 1) - amplitude
            copy.pixels[index] = UInt8(clamping: Int(copy.pixels[index]) + noise)
        }
        return copy
    }

    static let pattern = TestPattern.movingTexture(width: 53, height: 37, frameIndex: 3)

    @Test func weightsAreANormalizedGaussian() {
        let weights = ImageMetrics.ssimWeights
        #expect(weights.count == 11)
        #expect(abs(weights.reduce(0, +) - 1) < 1e-6)
        #expect(abs(weights[5] / weights[6] - Float(exp(1 / (2 * 1.5 * 1.5)))) < 1e-5)
    }

    @Test func fastMatchesTheDirectReference() {
        for (amplitude, seed) in [(4, 1), (30, 2), (120, 3)] as [(Int, UInt64)] {
            let other = Self.noisy(Self.pattern, amplitude: amplitude, seed: seed)
            let fast = ImageMetrics.ssim(Self.pattern, other), slow = Self.referenceSSIM(Self.pattern, other)
            #expect(abs(fast - slow) < 1e-4, "noise ±\(amplitude): fast \(fast), reference \(slow)")
        }
    }

    @Test func identicalImagesScoreOne() {
        #expect(abs(ImageMetrics.ssim(Self.pattern, Self.pattern) - 1) < 1e-9)
        let flat = RGBImage(width: 20, height: 11, pixels: [UInt8](repeating: 77, count: 20 * 11 * 3))
        #expect(abs(ImageMetrics.ssim(flat, flat) - 1) < 1e-9)
    }

    @Test func moreNoiseScoresLowerAndTheMeasureIsSymmetric() {
        let scores = [2, 10, 40, 120].map { ImageMetrics.ssim(Self.pattern, Self.noisy(Self.pattern, amplitude: $0, seed: 9)) }
        #expect(zip(scores, scores.dropFirst()).allSatisfy { $0 > $1 }, "\(scores)")
        #expect(scores[0] < 1 && scores[3] > -1)
        let other = Self.noisy(Self.pattern, amplitude: 25, seed: 4)
        #expect(abs(ImageMetrics.ssim(Self.pattern, other) - ImageMetrics.ssim(other, Self.pattern)) < 1e-6)
    }

    @Test func aLargeImageAcrossManyBandsMatchesTheReference() {
        let big = TestPattern.movingTexture(width: 96, height: 140, frameIndex: 1)
        let other = Self.noisy(big, amplitude: 20, seed: 5)
        #expect(abs(ImageMetrics.ssim(big, other) - Self.referenceSSIM(big, other)) < 1e-4)
    }
}
