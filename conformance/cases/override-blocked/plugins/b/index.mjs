export * as leftPad from 'left-pad'
