import Script
/// The pickle opcodes of protocol 2 that PyTorch's checkpoints use (`data.pkl`), as
/// CPython's `pickle` module names them; the only ones Recur writes or reads.
package enum PickleOpcode: UInt8 {
    case mark = 0x28            // (
    case stop = 0x2E            // .
    case binFloat = 0x47        // G: big-endian double
    case binInt = 0x4A          // J: signed 32-bit
    case binInt1 = 0x4B         // K: unsigned 8-bit
    case binInt2 = 0x4D         // M: unsigned 16-bit
    case none = 0x4E            // N
    case binPersistentID = 0x51 // Q
    case reduce = 0x52          // R
    case shortBinString = 0x55  // U
    case binUnicode = 0x58      // X: 32-bit length, UTF-8
    case append = 0x61          // a
    case build = 0x62           // b
    case global = 0x63          // c: module and name lines
    case appends = 0x65         // e
    case binGet = 0x68          // h
    case longBinGet = 0x6A      // j
    case emptyList = 0x5D       // ]
    case binPut = 0x71          // q
    case longBinPut = 0x72      // r
    case setItem = 0x73         // s
    case tuple = 0x74           // t
    case setItems = 0x75        // u
    case emptyDict = 0x7D       // }
    case emptyTuple = 0x29      // )
    case emptySet = 0x8F        // protocol 4, read only
    case proto = 0x80
    case newObj = 0x81
    case tuple1 = 0x85
    case tuple2 = 0x86
    case tuple3 = 0x87
    case newTrue = 0x88
    case newFalse = 0x89
    case long1 = 0x8A
}
