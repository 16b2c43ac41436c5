import 'fs'
import 'node:path'
import 'events'
