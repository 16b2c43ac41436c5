require('./build/Release/addon.node')
