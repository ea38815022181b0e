window.ForgeBridge = require('@forge/bridge');
