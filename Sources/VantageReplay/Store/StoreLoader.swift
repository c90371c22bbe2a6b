import Foundation
import VantageTransport

/// Opens a store folder: checks or creates `store.json`, scans every camera's segments and
/// rebuilds the index. Whatever cannot be read becomes `SegmentDamage`, never an error, unless
/// the folder is not a store at all.
struct StoreLoader {
    let directory: URL
    let access: ReplayStore.Access
    private var fileManager: FileManager { FileManager.default }

    struct Loaded {
        var manifest: StoreManifest
        var state = StoreState()
        var damage: [SegmentDamage] = []
    }

    /// Reads the store; with write access, creates it when the folder is missing or empty, and
    /// records `options` (when given) in its manifest.
    func load(options: ReplayStoreOptions?) throws(ReplayError) -> Loaded {
        let manifestURL = directory.appendingPathComponent(StoreManifest.fileName)
        var manifest: StoreManifest
        if fileManager.fileExists(atPath: manifestURL.path) {
            manifest = try StoreManifest.read(manifestURL)
        } else {
            try checkCanCreate()
            manifest = StoreManifest.new(options: options ?? ReplayStoreOptions())
            try manifest.write(manifestURL)
        }
        if access == .readWrite, let options, options != manifest.options {
            manifest.options = options
            try manifest.write(manifestURL)
        }
        var loaded = Loaded(manifest: manifest)
        for name in try listing(directory) where name != StoreManifest.fileName {
            let url = directory.appendingPathComponent(name)
            if isDirectory(url), WireProtocol.isValidName(name) {
                try loadCamera(name, into: &loaded)
            } else {
                loaded.damage.append(stray(url, expected: "camera folders and store.json"))
            }
        }
        return loaded
    }

    /// A store is created only where nothing would be mixed into it: a missing or empty folder.
    private func checkCanCreate() throws(ReplayError) {
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isFolder) else {
            guard access == .readWrite else {
                throw ReplayError(.notAStore, "\(directory.path): no replay store here (the folder does not exist)")
            }
            do { try fileManager.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
                throw ReplayError(.io, "\(directory.path): cannot create the store folder: \(error.localizedDescription)")
            }
            return
        }
        guard isFolder.boolValue else {
            throw ReplayError(.notAStore, "\(directory.path): not a replay store (a file, expected a folder with store.json)")
        }
        guard access == .readWrite else {
            throw ReplayError(.notAStore, "\(directory.path): not a replay store (no \(StoreManifest.fileName))")
        }
        guard try listing(directory).isEmpty else {
            throw ReplayError(.notAStore, "\(directory.path): not a replay store (no \(StoreManifest.fileName)) and not empty; refusing to write into it")
        }
    }

    private func loadCamera(_ camera: String, into loaded: inout Loaded) throws(ReplayError) {
        let folder = directory.appendingPathComponent(camera)
        var segments: [(name: SegmentName, fileName: String)] = []
        for fileName in try listing(folder) {
            let url = folder.appendingPathComponent(fileName)
            if let name = SegmentName(fileName: fileName), !isDirectory(url) {
                segments.append((name, fileName))
            } else {
                loaded.damage.append(stray(url, expected: "segment files named <capture µs>-<counter>.vseg"))
            }
        }
        var index = CameraIndex()
        for (name, fileName) in segments.sorted(by: { ($0.name, $0.fileName) < ($1.name, $1.fileName) }) {
            let path = folder.appendingPathComponent(fileName).path
            let scanned: SegmentScanner.Result
            do { scanned = try SegmentScanner(camera: camera, path: path, fileName: fileName).scan() } catch {
                scanned = SegmentScanner.Result(damage: [SegmentDamage(file: path, offset: 0, length: fileSize(path), reason: error.message)])
            }
            index.addSegment(name, fileName: fileName, bytes: fileSize(path))
            for entry in scanned.entries { index.append(entry, growsSegment: false) }
            loaded.damage += scanned.damage
        }
        loaded.state.cameras[camera] = index
        loaded.state.nextSegmentCounter[camera] = (segments.map(\.name.counter).max() ?? -1) + 1
    }

    /// Names in `folder`, sorted, without hidden files (editors' and file managers' droppings).
    private func listing(_ folder: URL) throws(ReplayError) -> [String] {
        do {
            return try fileManager.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw ReplayError(.io, "\(folder.path): cannot list the folder: \(error.localizedDescription)")
        }
    }

    private func isDirectory(_ url: URL) -> Bool {
        var isFolder: ObjCBool = false
        return fileManager.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    private func fileSize(_ path: String) -> Int {
        ((try? fileManager.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    private func stray(_ url: URL, expected: String) -> SegmentDamage {
        SegmentDamage(file: url.path, offset: 0, length: isDirectory(url) ? 0 : fileSize(url.path),
                      reason: "does not belong in a replay store (expected \(expected)); left untouched")
    }
}
