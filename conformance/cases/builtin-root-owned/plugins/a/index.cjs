require('fs')
