import Testing
@testable import VantageSample

struct StadiumShadingTests {
    let scene = StadiumScene(seed: 7)

    func luminance(_ colour: Float3) -> Float { colour.sum() / 3 }

    func grass(_ x: Float, _ y: Float, footprint: Float = 0.01) -> Float3 {
        scene.shade(fragment(StadiumMaterial.grass, at: Float3(x, y, 0), footprint: footprint))
    }

    @Test func linesAreBrighterThanTheGrassBesideThem() {
        #expect(luminance(grass(0, 12)) > 2 * luminance(grass(0.5, 12)))  // halfway line
        #expect(luminance(grass(20, -34)) > 2 * luminance(grass(20, -33.5)))  // touchline
        #expect(luminance(grass(9.15, 0.3)) > 2 * luminance(grass(8.5, 0.3)))  // centre circle
    }

    @Test func penaltySpotsAreWhite() {
        for x in [StadiumLayout.penaltySpotX, -StadiumLayout.penaltySpotX] {
            let spot = grass(x, 0)
            #expect(spot.min() > 0.6, "spot at \(x): \(spot)")
            #expect(luminance(grass(x + 0.3, 0)) < 0.3)
        }
    }

    @Test func distantGrassFadesItsNoise() {
        func spread(footprint: Float) -> Float {
            let values = (0..<40).map { luminance(grass(10 + Float($0) * 0.037, 5.3, footprint: footprint)) }
            return (values.max() ?? 0) - (values.min() ?? 0)
        }
        #expect(spread(footprint: 20) < 0.1 * spread(footprint: 0.005))
    }

    @Test func thinLinesFadeToTheirAreaFractionFarAway() {
        // One pixel 1.2 m wide over the 0.12 m halfway line is about 10 % line.
        let far = luminance(grass(0, 12, footprint: 1.2)), grassOnly = luminance(grass(3, 12, footprint: 1.2))
        #expect(far > grassOnly && far < grassOnly + 0.25 * (luminance(grass(0, 12)) - grassOnly))
    }

    @Test func everyMaterialShadesToFiniteColoursInRange() {
        for fragment in sampleFragments() {
            let colour = scene.shade(fragment)
            #expect(colour.min() >= 0 && colour.max() <= 1 && !(colour.x.isNaN || colour.y.isNaN || colour.z.isNaN),
                    "material \(fragment.material): \(colour)")
            let isFallbackMagenta = colour.y == 0 && colour.x == colour.z && colour.x > 0
            #expect(!isFallbackMagenta, "material \(fragment.material) unknown to shade")
        }
        let sky = scene.background(viewDirection: normalize(Float3(0.3, 0.2, 0.5)))
        #expect(sky.min() >= 0 && sky.max() <= 1 && sky.z > sky.x)
    }

    @Test func shirtNumbersAndCrowdVaryWhileSeatsAreLarge() {
        let shirt = StadiumMaterial.shirt(kit: 0, number: 8)
        let onSegment = scene.shade(fragment(shirt, at: .zero, uv: Float2(0.5, 0.45), normal: Float3(1, 0, 0), footprint: 0.002))
        let beside = scene.shade(fragment(shirt, at: .zero, uv: Float2(0.1, 0.9), normal: Float3(1, 0, 0), footprint: 0.002))
        #expect(luminance(onSegment) > 2 * luminance(beside))
        let seats = (0..<20).map { scene.shade(fragment(StadiumMaterial.crowd, at: .zero, uv: Float2(0.25 + Float($0) * 0.5, 0.34), footprint: 0.01)) }
        #expect(Set(seats.map { $0.x }).count > 3)
        let faded = (0..<20).map { scene.shade(fragment(StadiumMaterial.crowd, at: .zero, uv: Float2(0.25 + Float($0) * 0.5, 0.34), footprint: 1)) }
        #expect(Set(faded.map { $0.x }).count == 1)
    }
}
