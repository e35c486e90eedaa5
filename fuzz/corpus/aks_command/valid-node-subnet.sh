az aks create -g rg -n aks --network-plugin azure --node-count 3 --max-pods 30
