az aks create -g rg -n big --network-plugin kubenet --pod-cidr 10.0.0.0/14 \
  --enable-cluster-autoscaler --min-count 3 --max-count 450
