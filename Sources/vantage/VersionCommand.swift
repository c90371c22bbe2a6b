import ArgumentParser
import CFFmpeg
import COpenBLAS
import CZMQ

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the versions of Vantage and of the C libraries it runs on (for bug reports).")

    func run() {
        func ffmpeg(_ packed: UInt32) -> String { "\(packed >> 16).\((packed >> 8) & 0xff).\(packed & 0xff)" }
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        print("vantage \(Vantage.configuration.version)")
        print("libavformat \(ffmpeg(avformat_version())), libavcodec \(ffmpeg(avcodec_version())), libswscale \(ffmpeg(swscale_version()))")
        print("libzmq \(major).\(minor).\(patch)")
        print("OpenBLAS \(String(cString: openblas_get_config()))")
    }
}
